import { Link } from '@fluentui/react-components';
import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';

/** Moves the console to a path; `replace` changes the address without a new history entry (a filter). */
export type Navigate = (path: string, options?: { replace?: boolean }) => void;

export const NavigateContext = createContext<Navigate>(() => undefined);

/** A link inside the console: moves without a reload, and still opens in a new tab on request. */
export function ConsoleLink({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useContext(NavigateContext);
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Link href={to} onClick={follow}>
      {children}
    </Link>
  );
}

export const useNavigate = () => useContext(NavigateContext);
