import { Link } from '@fluentui/react-components';
import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';

export const NavigateContext = createContext<(path: string) => void>(() => undefined);

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
