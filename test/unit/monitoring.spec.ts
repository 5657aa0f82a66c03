import { metricsRegistry } from '@ic/platform';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
// Every module that defines a metric of the platform, so that the registry holds them all.
import '@ic/messaging';
import '../../services/notifications/src/deliveries/deliveries.metrics';
import '../../services/registrations/src/registrations/seat-decisions.metrics';

/**
 * No Grafana or Prometheus runs where the tests run, so the dashboard, the scrape configuration and
 * the provisioning in deploy/ are checked here: the dashboard against Grafana's own dashboard schema
 * (the TypeScript types @grafana/schema publishes, of the version compose runs), its queries against
 * the metrics the services define, and the scrape targets against docker-compose.yml.
 */

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource?: { uid: string } }[];
}
const dashboardText = read('deploy/grafana/dashboards/platform.json');
const dashboard = JSON.parse(dashboardText) as { uid: string; panels: DashboardPanel[] };
const queryPanels = dashboard.panels.filter((panel) => panel.type !== 'row');
const expressions = queryPanels.flatMap((panel) => panel.targets?.map((target) => target.expr) ?? []);

/**
 * The dashboard as a TypeScript module typed by Grafana's schema: the time series and stat panels by
 * their plugins' option types, the queries as Prometheus queries (the schema leaves them open). An object literal may hold no
 * field its type does not know, so a misspelt or misplaced setting fails as well as a wrong value.
 */
function dashboardCheck(json: string): string {
  return `
import type { Dashboard, DataSourceRef, FieldConfig, Panel, RowPanel } from '@grafana/schema';
import type * as TimeSeries from '@grafana/schema/dist/types/raw/composable/timeseries/panelcfg/x/types.gen';
import type * as Stat from '@grafana/schema/dist/types/raw/composable/stat/panelcfg/x/types.gen';

interface PrometheusQuery {
  refId: string;
  datasource: DataSourceRef;
  expr: string;
  legendFormat?: string;
  instant?: boolean;
  range?: boolean;
}
type PluginPanel<Type extends string, Options, Custom> = Omit<Panel, 'type' | 'options' | 'fieldConfig' | 'targets'> & {
  type: Type;
  title: string;
  targets: PrometheusQuery[];
  options: Options;
  fieldConfig: { defaults: Omit<FieldConfig, 'custom'> & { custom?: Custom }; overrides: [] };
};
type CheckedPanel =
  | PluginPanel<'timeseries', TimeSeries.Options, TimeSeries.FieldConfig>
  | PluginPanel<'stat', Stat.Options, never>
  | (RowPanel & { panels: [] });

/** The schema's string enums as the JSON writes them: GraphDrawStyle as 'line' | 'bars' | 'points'. */
type Json<T> = T extends string
  ? \`\${T}\`
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

export const dashboard: Json<Dashboard & { uid: string; title: string; panels: CheckedPanel[] }> = ${json};
`;
}

function typeErrors(source: string): string[] {
  const dir = join(root, '.cache', 'grafana-schema');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'dashboard-check.ts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** `ic_…` metric names a PromQL expression reads (a histogram by its _bucket, _count or _sum). */
function metricsIn(expression: string): string[] {
  return [...expression.matchAll(/\b(ic_[a-z_]+?)(?:_bucket|_count|_sum)?\b(?=[{[ )])/g)].map(
    (match) => match[1],
  );
}

describe('Monitoring (deploy/)', () => {
  describe('the Grafana dashboard', () => {
    it("passes Grafana's dashboard schema (@grafana/schema, the version compose runs)", () => {
      const grafanaImage = (
        parse(read('docker-compose.yml')) as { services: Record<string, { image: string }> }
      ).services.grafana.image;
      const schemaVersion = (
        JSON.parse(read('node_modules/@grafana/schema/package.json')) as { version: string }
      ).version;

      expect(grafanaImage).toBe(`grafana/grafana:${schemaVersion}`);
      expect(typeErrors(dashboardCheck(dashboardText))).toEqual([]);
    }, 60_000);

    it('fails the schema check for a setting Grafana does not know and for a wrong value', () => {
      const misspelt = dashboardText.replace('"showLegend"', '"showLegendd"');
      const wrongValue = dashboardText.replace('"drawStyle": "line"', '"drawStyle": "curve"');

      expect(typeErrors(dashboardCheck(misspelt)).join('\n')).toMatch(/showLegendd/);
      expect(typeErrors(dashboardCheck(wrongValue)).join('\n')).toMatch(/"curve"/);
    }, 60_000);

    it('has a panel for every metric the services define, and reads no metric they do not', () => {
      const defined = metricsRegistry
        .getMetricsAsArray()
        .map((metric) => metric.name)
        .filter((name) => name.startsWith('ic_'));
      const read = new Set(expressions.flatMap(metricsIn));

      expect(defined.length).toBeGreaterThanOrEqual(8);
      expect(defined.filter((name) => !read.has(name))).toEqual([]);
      expect([...read].filter((name) => !defined.includes(name))).toEqual([]);
    });

    it('queries the provisioned Prometheus in every panel, with unique panel ids', () => {
      const datasources = parse(read('deploy/grafana/provisioning/datasources/prometheus.yml')) as {
        datasources: { uid: string; type: string }[];
      };
      const [prometheus] = datasources.datasources;

      for (const panel of queryPanels) {
        expect(panel.datasource).toEqual({ type: prometheus.type, uid: prometheus.uid });
        for (const target of panel.targets ?? []) expect(target.datasource?.uid).toBe(prometheus.uid);
      }
      const ids = dashboard.panels.map((panel) => panel.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe('the Prometheus configuration', () => {
    const compose = parse(read('docker-compose.yml'), { merge: true }) as {
      services: Record<string, { environment?: Record<string, unknown>; secrets?: string[] }>;
      secrets: Record<string, { environment?: string }>;
    };
    const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as {
      scrape_configs: {
        metrics_path: string;
        authorization: { type: string; credentials_file: string };
        static_configs: { targets: string[] }[];
      }[];
    };

    it("scrapes /metrics of each of the six services on its HTTP port, with the services' token", () => {
      const [job] = prometheus.scrape_configs;
      const targets = job.static_configs.flatMap((config) => config.targets);
      const services = ['gateway', 'membership', 'events', 'registrations', 'notifications', 'analytics'];

      expect(targets).toEqual(
        services.map((service) => `${service}:${String(compose.services[service].environment?.HTTP_PORT)}`),
      );
      expect(job.metrics_path).toBe('/metrics');
      expect(job.authorization).toEqual({ type: 'Bearer', credentials_file: '/run/secrets/metrics_token' });
      expect(compose.services.prometheus.secrets).toEqual(['metrics_token']);
      expect(compose.secrets.metrics_token).toEqual({ environment: 'METRICS_TOKEN' });
      for (const service of services)
        expect(compose.services[service].environment?.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?/);
    });
  });
});
