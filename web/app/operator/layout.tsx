import { OperatorShell } from '../../ui/shell/operator-shell';

export default function OperatorLayout({ children }: { children: React.ReactNode }) {
  return <OperatorShell>{children}</OperatorShell>;
}
