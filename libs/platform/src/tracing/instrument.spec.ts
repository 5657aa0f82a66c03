import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const servicesDir = join(__dirname, '..', '..', '..', '..', 'services');

describe('tracing in every service', () => {
  it.each(readdirSync(servicesDir))(
    '%s imports @ic/platform/tracing before anything else, so that the instrumentations patch in time',
    (service) => {
      const main = readFileSync(join(servicesDir, service, 'src', 'main.ts'), 'utf8');
      const imports = main.match(/^import .+$/gm) ?? [];
      expect(imports[0]).toBe("import '@ic/platform/tracing';");
    },
  );
});
