/** The agenda timer of the current item: time used, time left, and a warning (said once) when it runs over. */
import { Text, mergeClasses } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { itemTiming } from '../../../teams-app/domain/agenda/item-timing';
import { useMeetingText } from '../i18n/meeting/meeting-text';
import { useTimerStyles } from './ItemTimer.styles';

/** "4:05", "1:02:09": a duration as a clock reads it. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.abs(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** The page's clock moved on every second, corrected to the server's. */
function useServerNow(offsetMs: number): number {
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setClock(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return clock + offsetMs;
}

/** The time of the item numbered `label` current since `since` (server time), against `plannedMinutes`. */
export function ItemTimer({
  label,
  since,
  plannedMinutes,
  offsetMs,
  size = 'normal',
}: {
  label: string;
  since: string;
  plannedMinutes: number | null | undefined;
  offsetMs: number;
  size?: 'normal' | 'large';
}) {
  const m = useMeetingText();
  const styles = useTimerStyles();
  const now = useServerNow(offsetMs);
  const timing = itemTiming(plannedMinutes, Date.parse(since), now);
  const large = size === 'large';
  return (
    <div className={mergeClasses(styles.timer, large && styles.large, timing.over && styles.over)}>
      <Text className={styles.figure}>{m.timer.used(formatDuration(timing.usedSeconds))}</Text>
      {timing.remainingSeconds !== null && (
        <Text className={mergeClasses(styles.figure, timing.over && styles.overText)}>
          {timing.over
            ? m.timer.over(formatDuration(timing.remainingSeconds))
            : m.timer.left(formatDuration(timing.remainingSeconds))}
        </Text>
      )}
      {plannedMinutes ? <Text className={styles.planned}>{m.timer.planned(plannedMinutes)}</Text> : null}
      {/* Said once when the item runs over: the ticking figures above are not a live region. */}
      <div aria-live="assertive" aria-atomic="true" className={styles.announce}>
        {timing.over ? m.timer.overAnnounce(label) : ''}
      </div>
    </div>
  );
}
