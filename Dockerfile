# One image for all six services; the build argument SERVICE picks the one it runs:
#   docker build --build-arg SERVICE=gateway -t ic-gateway .
#   docker run -e HTTP_PORT=3000 -e KAFKA_BROKERS=… -e MONGODB_URI=… ic-gateway
# docker-compose.yml builds and starts all six with Kafka, MongoDB and a mail sink.

# Build: every dependency (TypeScript, tsc-alias, Vite, the pinned `node` package), then compile the
# services and build the web app (web/dist, which the gateway serves at /).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install with the lock, not npm ci: see scripts/ensure-dependencies.mjs.
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY services ./services
COPY web ./web
RUN npm run build

# Runtime: production dependencies and the compiled JavaScript only, run as the non-root `node` user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The gateway finds it as web/dist beside dist/ (WEB_DIST_DIR's default).
COPY --from=build /app/web/dist ./web/dist
# Declared after the shared layers, so the six images share everything above.
ARG SERVICE
ENV SERVICE=$SERVICE
RUN test -f "dist/services/$SERVICE/src/main.js" || { \
      echo "Build with --build-arg SERVICE=<gateway|membership|events|registrations|notifications|analytics>, got '$SERVICE'" >&2; \
      exit 1; }
USER node

# The port differs per service (HTTP_PORT, default from the service's config class), so nothing is
# exposed here. The check reads HTTP_PORT and, when it is unset, the default of the config class.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD node -e "\
  const s = process.env.SERVICE; \
  const port = process.env.HTTP_PORT || (() => { \
    const env = require('/app/dist/services/' + s + '/src/' + s + '.env.js'); \
    return new env[s[0].toUpperCase() + s.slice(1) + 'Env']().HTTP_PORT; \
  })(); \
  fetch('http://127.0.0.1:' + port + '/health/ready', { signal: AbortSignal.timeout(4000) }) \
    .then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1));"

# exec: node becomes PID 1 and receives SIGTERM for its graceful shutdown. The flags are the ones
# every service runs with (SERVICE_NODE_FLAGS in scripts/lib/platform-runner.ts says why).
CMD exec node --max-semi-space-size=8 dist/services/$SERVICE/src/main.js
