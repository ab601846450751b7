import { PrintCardsPage } from '../../../../features/documents/print/print-cards';

export default function Page() {
  return <PrintCardsPage />;
}
