// The page's share link, for the Copy link button: the moment as a fragment on this page's address.
import { useCallback, useContext } from 'react';
import { encodeLink } from '../../share';
import { linkTo } from '../../share/location';
import { StoreContext } from '../../store';
import { linkStateOf } from './records';

export function usePageLink(): () => Promise<string> {
  const store = useContext(StoreContext);
  return useCallback(async () => {
    if (!store) throw new Error('usePageLink needs the store');
    await store.getState().idle();
    return linkTo(encodeLink(linkStateOf(store.getState().moment())));
  }, [store]);
}
