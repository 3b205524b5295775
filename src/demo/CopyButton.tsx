import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../ui/clipboard';

/** Copies `text`, and says so: visibly, and to screen readers through a status. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), 3000);
    return () => clearTimeout(timer);
  }, [status]);

  function copy(): void {
    // Emptied first, so that a second copy is announced again.
    setStatus('');
    copyText(text).then((isCopied) =>
      setStatus(isCopied ? 'Copied' : 'Copying failed: select the code and copy it yourself.'),
    );
  }

  return (
    <div class="copy">
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span class="copy-status" role="status">
        {status}
      </span>
    </div>
  );
}
