/**
 * Regions deployments may use, with the availability-zone names subnets are
 * placed in. A static table (rather than an `aws_availability_zones` lookup)
 * keeps subnet placement visible in review and the synthesized JSON stable.
 * Zones listed are those every account gets; opt-in zones are left out. Every
 * region lists at least three, the most a deployment may span (schema.ts).
 */
export const REGION_AZS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"],
  "us-east-2": ["us-east-2a", "us-east-2b", "us-east-2c"],
  "us-west-2": ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"],
  "eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  "eu-west-2": ["eu-west-2a", "eu-west-2b", "eu-west-2c"],
  "eu-central-1": ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
  "ap-southeast-2": ["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"],
  "ap-northeast-1": ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
};

/** Region names accepted by config validation, sorted for stable messages. */
export const SUPPORTED_REGIONS: readonly string[] = Object.keys(REGION_AZS).sort();
