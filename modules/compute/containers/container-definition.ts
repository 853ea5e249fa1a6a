/** One secret of a container: the variable and the Secrets Manager reference ECS resolves at task start. */
export interface ContainerSecret {
  readonly name: string;
  /** `<secret ARN>` or `<secret ARN>:<json key>::` (the current version's key). */
  readonly valueFrom: string;
}

/** Props of a container definition. */
export interface ContainerDefinitionProps {
  readonly name: string;
  readonly image: string;
  /** Container port, mapped on the task's own address (awsvpc). @default none */
  readonly port?: number;
  /** Path probed by `curl -f http://localhost:<port><path>`; needs `port` and curl in the image. @default no health check */
  readonly healthCheckPath?: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly secrets: readonly ContainerSecret[];
  readonly logGroupName: string;
  readonly region: string;
}

/**
 * The ECS container definition (ECS API shape, camelCase) of a service's only
 * container: essential, non-privileged, read-only root file system off (the
 * images write to their own paths), logs to its CloudWatch group through
 * awslogs in non-blocking mode, so a slow log stream never stalls the
 * application. Secrets go by reference only: the task definition never holds
 * a value.
 */
export function containerDefinition(p: ContainerDefinitionProps): Record<string, unknown> {
  return {
    name: p.name,
    image: p.image,
    essential: true,
    ...(p.port === undefined ? {} : { portMappings: [{ name: p.name, containerPort: p.port, protocol: "tcp" }] }),
    ...(p.healthCheckPath === undefined || p.port === undefined ? {} : {
      healthCheck: {
        command: ["CMD-SHELL", `curl -f http://localhost:${p.port}${p.healthCheckPath} || exit 1`],
        interval: 30, timeout: 5, retries: 3, startPeriod: 60,
      },
    }),
    environment: Object.entries(p.environment).map(([name, value]) => ({ name, value })),
    secrets: p.secrets.map((s) => ({ name: s.name, valueFrom: s.valueFrom })),
    logConfiguration: {
      logDriver: "awslogs",
      options: {
        "awslogs-group": p.logGroupName,
        "awslogs-region": p.region,
        "awslogs-stream-prefix": p.name,
        mode: "non-blocking",
        "max-buffer-size": "25m",
      },
    },
  };
}
