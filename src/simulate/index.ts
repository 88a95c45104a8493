// The simulator's public surface (for the CLI and the lint rules).
export { simulate, simulateHost, type Simulation, type SimulateInput, type SimulateHostOptions, type SimulationStep } from './simulate.js';
export { hostModelFromFile, HostFileError, HOST_ADDRESS_FLAGS } from './host-file-model.js';
export { SIM_PLATFORMS, isSimPlatform, BEHAVIOUR, type SimPlatform, type Verification, type VerificationLevel } from './resolver-profiles.js';
export { parseHostAddress, AddressInputError, type HostAddress } from './host.js';
export { runScenarios, SCENARIO_HOSTS, SCENARIO_DESTINATIONS, type ScenarioReport } from './scenarios.js';
export { formatSimulation, simulationJson, formatScenarios } from './format.js';
