// Pin the machine's zone so nothing passes by accident of where it runs. Rostrum's own code never
// uses the local zone (agenda zones are explicit), and tests prove it by running somewhere else.
process.env.TZ = 'America/Sao_Paulo';
