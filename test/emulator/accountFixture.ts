/**
 * A Tencent Cloud account as the emulator serves it: API-shaped objects per region, exactly as
 * the Describe* actions return them.
 */
export interface RegionAccount {
  loadBalancers: Record<string, unknown>[];
  /** By LoadBalancerId: DescribeListeners' `Listeners`. */
  listeners: Record<string, Record<string, unknown>[]>;
  /** By LoadBalancerId: DescribeTargets' `Listeners` (ListenerBackend). */
  targets: Record<string, Record<string, unknown>[]>;
  /** DescribeTargetGroupInstances rows. */
  targetGroupInstances?: Record<string, unknown>[];
  instances: Record<string, unknown>[];
  /** By SecurityGroupId: DescribeSecurityGroupPolicies' `SecurityGroupPolicySet`. */
  securityGroupPolicies: Record<string, { Ingress?: Record<string, unknown>[]; Egress?: Record<string, unknown>[]; Version?: string }>;
  subnets: Record<string, unknown>[];
  vpcs?: Record<string, unknown>[];
  networkAcls: Record<string, unknown>[];
  /** By NetworkAclId: DescribeNetworkAclQuintupleEntries rows. */
  quintupleEntries?: Record<string, Record<string, unknown>[]>;
  networkInterfaces?: Record<string, unknown>[];
  addressTemplates?: Record<string, unknown>[];
  addressTemplateGroups?: Record<string, unknown>[];
  serviceTemplates?: Record<string, unknown>[];
  serviceTemplateGroups?: Record<string, unknown>[];
}

export interface Account {
  regions: Record<string, RegionAccount>;
}
