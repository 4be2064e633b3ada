import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { useSignedIn } from '../../session/session-context';

/**
 * "Now" as the server counts it, for the age of submissions (in whole days): the server's
 * clock may run ahead of real time (CLOCK_CONTROL, for demos). Only program admins may read
 * it; for everyone else the browser's clock is used.
 */
export function useServerNow(): number {
  const { active } = useSignedIn();
  const canRead = active?.roles.includes('program-admin') ?? false;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!canRead) return;
    let cancelled = false;
    void call(api.GET('/api/system/clock')).then((result) => {
      if (cancelled || !result.ok) return;
      const serverNow = Date.parse(result.data.now);
      if (!Number.isNaN(serverNow)) setNow(serverNow);
    });
    return () => {
      cancelled = true;
    };
  }, [canRead]);
  return now;
}
