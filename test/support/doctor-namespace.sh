# The seed host for doctor's end-to-end test, run as `unshare -rmn sh doctor-namespace.sh DIR CMD...`
# (a private user, mount and network namespace: nothing leaves it, nothing outside changes).
# em0 holds only a ULA and an IPv4 address; the site's global prefix 2001:db8:1::/48 is routed
# over em0, IPv4 has a default route, IPv6 has none (ULA is not routed to the internet).
# DIR/gai.in, when present, becomes /etc/gai.conf; /etc/hosts lists the names in DIR/hosts.
set -e
D=$1
shift
ip link set lo up
ip link add em0 type veth peer name em0p
ip link set em0 addrgenmode none
ip link set em0p addrgenmode none
ip link set em0 up
ip link set em0p up
ip -6 addr add fd00:1::10/64 dev em0 nodad
ip addr add 192.0.2.10/24 dev em0
ip -6 route add 2001:db8:1::/48 via fd00:1::1 dev em0 onlink
ip route add default dev em0
# glibc 2.36's files backend returns every /etc/hosts line of a name only with "multi on".
printf 'multi on\n' > "$D/host.conf"
printf 'hosts: files\n' > "$D/nsswitch.conf"
: > "$D/gai.conf"
if [ -f "$D/gai.in" ]; then cp "$D/gai.in" "$D/gai.conf"; fi
mount --bind "$D/host.conf" /etc/host.conf
mount --bind "$D/nsswitch.conf" /etc/nsswitch.conf
mount --bind "$D/hosts" /etc/hosts
mount --bind "$D/gai.conf" /etc/gai.conf
"$@"
