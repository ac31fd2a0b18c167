// Acknowledging one specific cdk-nag wildcard finding, named exactly as cdk-nag renders the resource.
import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag v3 acknowledges each wildcard resource separately (`AwsSolutions-IAM5[Resource::…]`), and the
 * rendered name contains logical ids and pseudo parameters: derive it from the same token instead of
 * hard-coding it, so a renamed construct or an explicit account/region cannot silently break the match.
 */
export const acknowledgeWildcardResource = (construct: IConstruct, resource: string, reason: string): void => {
  const rendered = flattenCfnReference(Stack.of(construct).resolve(resource));
  Validations.of(construct).acknowledge({ id: `AwsSolutions-IAM5[Resource::${rendered}]`, reason });
};
