// Counts the MongoDB commands of every process it is preloaded into, by command and collection:
//   NODE_OPTIONS="--require ./bench/count-database-commands.cjs" <the test or bench>
// Each process that talks to a database writes its counts every 5 s (and at its exit) to
// .cache/database-commands/<pid>.json, with its command line to tell the services apart.
// Through the driver's own command monitoring: the services' code stays as it runs.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const counts = {};
const directory = join(__dirname, '..', '.cache', 'database-commands');
const file = join(directory, `${process.pid}.json`);

function write() {
  if (Object.keys(counts).length === 0) return;
  mkdirSync(directory, { recursive: true });
  writeFileSync(file, JSON.stringify({ command: process.argv.slice(1).join(' '), counts }, null, 1));
}

try {
  const driver = require('mongodb/lib/mongo_client');
  const MongoClient = driver.MongoClient;
  driver.MongoClient = class CountingMongoClient extends MongoClient {
    constructor(url, options = {}) {
      super(url, { ...options, monitorCommands: true });
      this.on('commandStarted', ({ commandName, command }) => {
        const collection = typeof command[commandName] === 'string' ? ` ${command[commandName]}` : '';
        const key = `${commandName}${collection}`;
        counts[key] = (counts[key] ?? 0) + 1;
      });
    }
  };
  setInterval(write, 5000).unref();
  process.on('exit', write);
} catch {
  // A process without the driver (the test runner's helpers, tsx) counts nothing.
}
