import { useEffect, useState } from 'preact/hooks';

/** Whole seconds left until `time` (ms since the epoch), ticking down to 0; 0 without a time. */
export function useSecondsUntil(time: number | undefined): number {
  const secondsLeft = () => (time === undefined ? 0 : Math.max(0, Math.ceil((time - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(secondsLeft);
  useEffect(() => {
    setSeconds(secondsLeft());
    if (time === undefined || time <= Date.now()) return;
    const timer = setInterval(() => {
      const left = secondsLeft();
      setSeconds(left);
      if (left === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [time]);
  return seconds;
}
