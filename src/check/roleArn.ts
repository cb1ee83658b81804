import configSchema from '../../schema/config.schema.json' with { type: 'json' };
import { InputError } from '../errors/inputError.js';

/**
 * A CAM role's ARN, `qcs::cam::uin/UIN:roleName/NAME` or `qcs::cam::uin/UIN:role/ROLE_ID`: the
 * pattern of the config's `accounts[].roleArn`, so the config, `--role-arn` and the Action's
 * `role-arn` take the same ARNs (a matrix shard passes the config's ARN to the input).
 */
const ROLE_ARN = new RegExp(configSchema.properties.accounts.items.properties.roleArn.pattern);

/** The ARN, or one line naming the setting (`--role-arn`, `input "role-arn"`) and what it must be. */
export function checkedRoleArn(value: string, setting: string): string {
  if (!ROLE_ARN.test(value))
    throw new InputError(`${setting} must be a CAM role ARN, qcs::cam::uin/UIN:roleName/NAME (or :role/ROLE_ID), not "${value}"`);
  return value;
}
