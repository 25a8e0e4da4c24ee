/**
 * Test helper process: opens an embedded database and holds it until its stdin closes, announcing on stdout that it
 * holds it, so that the parent can try a second open against a live owner.
 */
import { openPglite } from '../connect.js';

const handle = await openPglite(process.argv[2]);
process.stdout.write('holding\n');
process.stdin.resume();
process.stdin.once('end', () => void handle.close());
