import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `lumbung bench [NAME…]`: runs the benchmarks in a process of their own
 * (`npm run bench`), so that the product's code never imports benchmark code.
 */
export function benchCommand(args: string[]): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'bench', '--', ...args], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', (e) => {
      console.error(`lumbung bench: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
