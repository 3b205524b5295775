import type { FaultName } from '../../agent/faults.ts';

/** Makes the demo agent's next reply to `botId` fail with `fault`; resolves to what to tell the visitor. */
export async function armFault(botId: string, fault: FaultName): Promise<string> {
  try {
    const response = await fetch('/__agent/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ botId, fault }),
    });
    return response.ok ? `The next reply will fail with "${fault}".` : `The demo agent refused: ${response.status}.`;
  } catch {
    return 'The demo agent could not be reached.';
  }
}
