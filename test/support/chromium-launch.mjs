// How policylint starts Debian's chromium (the browser tests and bench/web.mjs share it).
// Without the background-networking flags chromium reaches for the network at start, which a
// closed network refuses; the caller gives each launch a fresh profile.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
