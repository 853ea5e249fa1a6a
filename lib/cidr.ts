/** IPv4 CIDR arithmetic used to validate VPC ranges and carve subnets. */

/** A parsed IPv4 block: network address as an unsigned 32-bit number and prefix length. */
export interface Cidr {
  readonly network: number;
  readonly prefix: number;
}

/** Octets and prefix without leading zeros: AWS reads `010` as 10, other tools as octal 8. */
const OCTET = "(0|[1-9]\\d{0,2})";
const CIDR_PATTERN = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}\\/(0|[1-9]\\d?)$`);

/** Parses `a.b.c.d/p`; returns undefined when malformed (leading zeros included) or when host bits are set. */
export function parseCidr(text: string): Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  if ((address & ~maskOf(prefix)) >>> 0 !== 0) return undefined;
  return { network: address, prefix };
}

/** Formats a block back to `a.b.c.d/p`. */
export function formatCidr(cidr: Cidr): string {
  const n = cidr.network;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${cidr.prefix}`;
}

/** True when the two blocks share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  return (a.network & maskOf(prefix)) >>> 0 === (b.network & maskOf(prefix)) >>> 0;
}

/** True when the block lies inside 10/8, 172.16/12 or 192.168/16 (RFC 1918). */
export function isPrivate(cidr: Cidr): boolean {
  return PRIVATE_RANGES.some((range) => cidr.prefix >= range.prefix && overlaps(cidr, range));
}

/**
 * Terraform's `cidrsubnet`: the `index`-th block of `prefix + newBits` inside `parent`.
 * Computed here rather than in HCL so the plan shows literal CIDRs.
 */
export function cidrSubnet(parent: Cidr, newBits: number, index: number): Cidr {
  const prefix = parent.prefix + newBits;
  if (prefix > 32 || index < 0 || index >= 2 ** newBits) {
    throw new RangeError(`cidrSubnet: index ${index} of /${prefix} does not fit in ${formatCidr(parent)}`);
  }
  return { network: (parent.network + index * 2 ** (32 - prefix)) >>> 0, prefix };
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

const PRIVATE_RANGES: readonly Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(
  (text) => parseCidr(text) as Cidr,
);
