// Child process for lock.test.ts. Modes:
//   hold FILE   open FILE as "kohtaanto serve" would, then write edits as fast as it can,
//               acknowledging each on stdout only after its transaction has committed
//   exit FILE   open FILE and exit normally without closing it
//   busy FILE   hold SQLite's write lock on FILE (raw connection, no workspace lock) for 600 ms
import Database from 'better-sqlite3';
import { Workspace, validEntity } from './workspace';

const [mode, file] = process.argv.slice(2);
if (mode === 'hold') {
  const ws = Workspace.open(file, { create: true, owner: 'kohtaanto serve' });
  process.stdout.write('open\n');
  for (let i = 0; ; i++) {
    const id = `srv-${i}`;
    ws.edit(`create ${id}`, (tx) => tx.putEntity(validEntity({ id, kind: 'service', name: { fi: `Palvelu ${i}` } })));
    process.stdout.write(`ack ${id}\n`);
  }
} else if (mode === 'exit') {
  Workspace.open(file, { create: true, owner: 'kohtaanto import' });
  process.stdout.write('open\n');
  process.exit(0);
} else if (mode === 'busy') {
  const db = new Database(file);
  db.exec("BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('busy', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value;");
  process.stdout.write('locked\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
  db.exec('COMMIT');
  db.close();
}
