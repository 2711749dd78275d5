# tg-risk app image (used by docker-compose.yml for the classifier and ingest services).
# Full `npm ci` (not --omit=dev): the services run TypeScript through tsx.

# ---- deps: install node_modules from the manifests only, so this layer is cached
# until package-lock.json or a workspace package.json changes.
FROM node:20-slim AS deps
WORKDIR /app
# Toolchain only as a fallback for native modules (better-sqlite3) when no prebuilt
# binary matches the platform; it stays in this stage, not in the final image.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY schemas/package.json schemas/
COPY packages/core/package.json packages/core/
COPY packages/bus/package.json packages/bus/
COPY packages/store/package.json packages/store/
COPY models/package.json models/
COPY services/ingest/package.json services/ingest/
COPY services/classifier/package.json services/classifier/
COPY services/review/package.json services/review/
COPY eval/package.json eval/
COPY cli/package.json cli/
RUN npm ci

# ---- runtime
FROM node:20-slim
WORKDIR /app
COPY --from=deps /app /app
# Sources are copied folder by folder (not `COPY . .`) so a host node_modules built
# for another OS never overwrites the one installed above.
COPY tsconfig.json ./
COPY schemas ./schemas
COPY packages ./packages
COPY models ./models
COPY services ./services
COPY eval ./eval
COPY cli ./cli
COPY samples ./samples
# Workspace `bin` entries (the tgrisk CLI) are linked only when their files exist,
# which they did not during `npm ci` above: link them now, without re-running
# install scripts.
RUN npm rebuild --ignore-scripts \
  && mkdir -p /app/.data \
  && chown node:node /app/.data

# SQLite and other local state; docker-compose.yml mounts a named volume here.
VOLUME ["/app/.data"]
USER node
ENV KAFKA_BROKERS=kafka:9092

# --no-install: never fall back to fetching a package called "tgrisk" from the registry.
ENTRYPOINT ["npx", "--no-install", "tgrisk"]
CMD ["run"]
