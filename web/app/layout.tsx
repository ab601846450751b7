import type { Metadata } from 'next';
import { Providers } from '../ui/shell/providers';
import './globals.css';

// No static title: pages render a localized <title> (React hoists it into <head>).
export const metadata: Metadata = {
  description: 'Elektron kargüzarlıq sistemi',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="az">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
