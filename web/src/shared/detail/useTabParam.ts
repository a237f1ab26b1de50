import { useSearchParams } from 'react-router';

/**
 * The open tab of a detail page kept in the address (?tab=staff), so reload and links keep it; the first
 * tab ('basic') leaves the address clean. Replaces the history entry: switching tabs is not navigation.
 */
export function useTabParam(): { activeKey: string; onChange: (tab: string) => void } {
  const [sp, setSp] = useSearchParams();
  return {
    activeKey: sp.get('tab') ?? 'basic',
    onChange: (tab) => setSp(tab === 'basic' ? {} : { tab }, { replace: true }),
  };
}
