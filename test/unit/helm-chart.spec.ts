import { ServiceNames, type ServiceName } from '@ic/contracts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CHART_DIR, ensureHelm, helm } from '../../deploy/helm/helm-tool';
import { declaredVariables, envClasses } from './service-env-classes';

/**
 * No Kubernetes cluster runs where the tests run, so the chart in deploy/helm is checked offline:
 * `helm lint --strict` and `helm template` with each values file of its `ci/` folder, then what the
 * rendered manifests promise an operator: every service of the platform a Deployment of several
 * replicas with its probes, resources and a Service, and only settings its config class declares.
 */

interface Container {
  name: string;
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string } };
  livenessProbe?: { httpGet?: { path: string; port: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: {
    replicas?: number;
    template?: { spec: { containers: Container[] } };
    ports?: { port: number; targetPort: string }[];
    rules?: { http: { paths: { backend: { service: { name: string } } }[] } }[];
  };
  data?: Record<string, string>;
}

const RELEASE = 'ic';
const valuesFiles = readdirSync(join(CHART_DIR, 'ci')).map((file) => join(CHART_DIR, 'ci', file));

async function render(valuesFile: string): Promise<Manifest[]> {
  const output = await helm(['template', RELEASE, CHART_DIR, '--values', valuesFile]);
  return parseAllDocuments(output)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered chart`);
  return found;
}

function containerOf(manifests: Manifest[], service: ServiceName): Container {
  const container = find(manifests, 'Deployment', `${RELEASE}-innovators-club-${service}`).spec?.template
    ?.spec.containers[0];
  if (!container) throw new Error(`the Deployment of ${service} has no container`);
  return container;
}

describe('The Helm chart (deploy/helm/innovators-club)', () => {
  const rendered = new Map<string, Manifest[]>();

  beforeAll(async () => {
    // Built from its Go module on the first run (minutes); npm test builds it beside the checks.
    await ensureHelm((line) => process.stderr.write(`${line}\n`));
    for (const file of valuesFiles) rendered.set(file, await render(file));
  }, 900_000);

  it.each(valuesFiles)('passes helm lint --strict with %s', async (file) => {
    await expect(helm(['lint', '--strict', CHART_DIR, '--values', file])).resolves.toContain(
      '0 chart(s) failed',
    );
  });

  it('refuses to render without the secrets, naming what is missing', async () => {
    await expect(helm(['template', RELEASE, CHART_DIR])).rejects.toThrow(
      /secrets\.values\.JWT_SECRET is required when secrets\.existingSecret is empty/,
    );
  });

  describe.each(valuesFiles)('rendered with %s', (file) => {
    const manifests = () => rendered.get(file) ?? [];

    it('has a Deployment for every service of the platform, and for nothing else', () => {
      const deployments = manifests()
        .filter((manifest) => manifest.kind === 'Deployment')
        .map((manifest) => manifest.metadata.name);
      expect(deployments.sort()).toEqual(
        ServiceNames.map((name) => `${RELEASE}-innovators-club-${name}`).sort(),
      );
    });

    it.each(ServiceNames)('runs %s in several replicas with probes on its health endpoints', (service) => {
      const deployment = find(manifests(), 'Deployment', `${RELEASE}-innovators-club-${service}`);
      const container = containerOf(manifests(), service);
      const port = container.ports?.find((each) => each.name === 'http')?.containerPort;
      expect({
        replicas: (deployment.spec?.replicas ?? 0) >= 2,
        httpPort: container.env?.find((each) => each.name === 'HTTP_PORT')?.value,
        readiness: container.readinessProbe?.httpGet,
        liveness: container.livenessProbe?.httpGet,
        memoryLimit: container.resources?.limits?.memory !== undefined,
        cpuRequest: container.resources?.requests?.cpu !== undefined,
      }).toEqual({
        replicas: true,
        httpPort: String(port),
        readiness: { path: '/health/ready', port: 'http' },
        liveness: { path: '/health/live', port: 'http' },
        memoryLimit: true,
        cpuRequest: true,
      });
      const service_ = find(manifests(), 'Service', `${RELEASE}-innovators-club-${service}`);
      expect(service_.spec?.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    });

    it.each(ServiceNames)('gives %s only settings its config class declares', (service) => {
      const container = containerOf(manifests(), service);
      const configMaps = (container.envFrom ?? []).map((source) => source.configMapRef?.name);
      const fromConfigMaps = configMaps.flatMap((name) =>
        Object.keys(find(manifests(), 'ConfigMap', name ?? '').data ?? {}),
      );
      const declared = declaredVariables(envClasses[service]);
      const unknown = [...fromConfigMaps, ...(container.env ?? []).map((each) => each.name)].filter(
        (variable) => !declared.has(variable),
      );
      expect(unknown).toEqual([]);
    });
  });

  it('leads the Ingress, when enabled, to the gateway', () => {
    const withIngress = [...rendered.values()].find((manifests) =>
      manifests.some((manifest) => manifest.kind === 'Ingress'),
    );
    const ingress = withIngress?.find((manifest) => manifest.kind === 'Ingress');
    expect(ingress?.spec?.rules?.[0].http.paths[0].backend.service.name).toBe(
      `${RELEASE}-innovators-club-gateway`,
    );
  });
});
