import { describe, expect, it } from "vitest";
import { REGION_AZS } from "../config/regions";
import { cidrSubnet, formatCidr, isPrivate, overlaps, parseCidr } from "../lib/cidr";
import { planSubnets } from "../lib/subnet-plan";

const cidr = (text: string) => parseCidr(text)!;

describe("CIDR arithmetic", () => {
  it("parses and formats", () => {
    expect(parseCidr("10.0.0.0/16")).toEqual({ network: 0x0a000000, prefix: 16 });
    expect(formatCidr(cidr("192.168.4.0/22"))).toBe("192.168.4.0/22");
    expect(parseCidr("10.0.0.1/16")).toBeUndefined();
    expect(parseCidr("256.0.0.0/8")).toBeUndefined();
    expect(parseCidr("10.0.0.0")).toBeUndefined();
  });

  it("matches Terraform's cidrsubnet", () => {
    expect(formatCidr(cidrSubnet(cidr("10.0.0.0/16"), 8, 2))).toBe("10.0.2.0/24");
    expect(formatCidr(cidrSubnet(cidr("172.16.0.0/12"), 4, 15))).toBe("172.31.0.0/16");
    expect(() => cidrSubnet(cidr("10.0.0.0/16"), 2, 4)).toThrow(RangeError);
  });

  it("detects overlap and private ranges", () => {
    expect(overlaps(cidr("10.0.0.0/16"), cidr("10.0.255.0/24"))).toBe(true);
    expect(overlaps(cidr("10.0.0.0/16"), cidr("10.1.0.0/16"))).toBe(false);
    expect(isPrivate(cidr("172.31.0.0/16"))).toBe(true);
    expect(isPrivate(cidr("172.32.0.0/16"))).toBe(false);
  });
});

describe("subnet plan", () => {
  it("keeps every subnet inside the VPC and disjoint from the others", () => {
    for (const vpc of ["10.0.0.0/16", "10.2.0.0/20", "192.168.0.0/22"]) {
      const plan = planSubnets(cidr(vpc), 3);
      const all = [...plan.public, ...plan.compute, ...plan.data].map(cidr);
      all.forEach((a, i) => {
        expect(overlaps(a, cidr(vpc)) && a.prefix > cidr(vpc).prefix).toBe(true);
        all.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false));
      });
    }
  });

  it("does not move existing subnets when a third AZ is added", () => {
    const two = planSubnets(cidr("10.0.0.0/16"), 2);
    const three = planSubnets(cidr("10.0.0.0/16"), 3);
    for (const tier of ["public", "compute", "data"] as const) expect(three[tier].slice(0, 2)).toEqual(two[tier]);
  });

  it("has room for three AZs in every supported region", () => {
    for (const azs of Object.values(REGION_AZS)) expect(azs.length).toBeGreaterThanOrEqual(3);
  });
});
