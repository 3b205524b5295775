import { useState } from 'preact/hooks';
import { FAULT_NAMES, type FaultName } from '../../agent/faults.ts';
import { armFault } from './faults';

/** Makes the demo agent's next reply fail, to see how the widget tells the visitor and recovers. */
export function FaultsCard({ botId, isDemoAgent }: { botId: string; isDemoAgent: boolean }) {
  const [fault, setFault] = useState<FaultName>(FAULT_NAMES[0]);
  const [status, setStatus] = useState('');
  return (
    <section class="card" aria-labelledby="faults-title">
      <h2 id="faults-title">Demo agent faults</h2>
      <p>Make the demo agent’s next reply fail, then see how the widget tells the visitor and recovers with Retry.</p>
      <label for="fault">Fault</label>
      <select
        id="fault"
        value={fault}
        disabled={!isDemoAgent}
        onChange={(event) => setFault(event.currentTarget.value as FaultName)}
      >
        {FAULT_NAMES.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button type="button" disabled={!isDemoAgent} onClick={() => armFault(botId, fault).then(setStatus)}>
        Fail the next reply
      </button>
      <p class="hint" role="status">
        {isDemoAgent ? status : 'Only the built-in demo agent (API base: this page’s address) takes faults.'}
      </p>
    </section>
  );
}
