// Child process for crash.test.ts: writes edits as fast as it can and acknowledges each one on
// stdout only after its transaction has committed, until it is killed.
import { Workspace, validEntity } from './workspace';

const ws = Workspace.open(process.argv[2], { create: true });
for (let i = 0; ; i++) {
  const id = `srv-${i}`;
  ws.edit(`create ${id}`, (tx) => tx.putEntity(validEntity({ id, kind: 'service', name: { fi: `Palvelu ${i}` } })));
  process.stdout.write(`ack ${id}\n`);
}
