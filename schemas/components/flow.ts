import {
  arrayOf,
  bool,
  count,
  enumOf,
  nonEmpty,
  object,
  ref,
  secret,
  text,
  timestamp,
  uri,
  uuid,
  type Property,
  type Schema,
} from './common.ts';
import { DEVICE_STATUSES, DEVICE_TYPES } from './device.ts';

/** Flow statuses PingOne documents besides the three this flow reaches. */
const OTHER_FLOW_STATUSES = [
  'USERNAME_PASSWORD_REQUIRED',
  'SIGN_ON_REQUIRED',
  'PASSWORD_REQUIRED',
  'PASSWORD_EXPIRED',
  'MUST_CHANGE_PASSWORD',
  'RECOVERY_CODE_REQUIRED',
  'VERIFICATION_CODE_REQUIRED',
  'PUSH_CONFIRMATION_REQUIRED',
  'PUSH_CONFIRMATION_TIMED_OUT',
  'ASSERTION_REQUIRED',
  'ACCOUNT_LINKING_REQUIRED',
  'ACCOUNT_CONFIRMATION_REQUIRED',
  'EXTERNAL_AUTHENTICATION_REQUIRED',
  'PROFILE_DATA_REQUIRED',
  'FAILED',
] as const;

/** A device as a flow lists it: the phone is masked (`*******01`). */
const flowDevice = object(
  {
    id: uuid,
    type: enumOf(DEVICE_TYPES),
    status: enumOf(DEVICE_STATUSES),
    userRetries: count,
    phone: text,
    email: text,
    nickname: text,
  },
  ['id', 'type', 'status'],
);

const links = (required: string[]): Schema => ({
  ...object(Object.fromEntries(required.map((name) => [name, ref('Link')])), required),
  additionalProperties: ref('Link'),
});

const embedded = (required: string[] = []): Schema =>
  object(
    {
      devices: arrayOf(flowDevice, required.includes('devices') ? { minItems: 1 } : {}),
      application: object({ name: nonEmpty }, ['name']),
      user: object(
        {
          id: uuid,
          username: text,
          name: object({ given: text, family: text }),
        },
        ['id'],
      ),
    },
    required,
  );

/**
 * One flow status. A flow expires 15 minutes after its last activity (`expiresAt`); every action
 * link points at the same `/flows/{flowID}` URL and the request's media type selects the action.
 */
function flow(status: Schema, required: string[], extra: Record<string, Property> = {}): Schema {
  return object(
    {
      _links: ref('Links'),
      _embedded: embedded(),
      id: uuid,
      environment: ref('EntityRef'),
      session: ref('EntityRef'),
      status,
      resumeUrl: uri,
      createdAt: timestamp,
      expiresAt: timestamp,
      bypassAllowed: bool,
      selectedDevice: ref('EntityRef'),
      ...extra,
    },
    ['_links', 'id', 'status', ...required],
  );
}

export const flowSchemas: Record<string, Schema> = {
  FlowOtpRequired: flow(
    { type: 'string', const: 'OTP_REQUIRED' },
    ['environment', 'resumeUrl', 'createdAt', 'expiresAt', 'selectedDevice', '_embedded'],
    {
      _links: links(['self', 'otp.check']),
      _embedded: embedded(['devices']),
      test: object({ otp: secret }, ['otp']),
    },
  ),
  FlowDeviceSelectionRequired: flow(
    { type: 'string', const: 'DEVICE_SELECTION_REQUIRED' },
    ['resumeUrl', 'createdAt', 'expiresAt', '_embedded'],
    { _links: links(['self', 'device.select']), _embedded: embedded(['devices']) },
  ),
  FlowCompleted: flow({ type: 'string', const: 'COMPLETED' }, ['resumeUrl', 'createdAt', 'expiresAt']),
  FlowOther: flow(enumOf(OTHER_FLOW_STATUSES), []),
  Flow: {
    type: 'object',
    required: ['status'],
    description: 'A sign-on flow; `status` names the next action.',
    discriminator: {
      propertyName: 'status',
      mapping: {
        OTP_REQUIRED: '#/components/schemas/FlowOtpRequired',
        DEVICE_SELECTION_REQUIRED: '#/components/schemas/FlowDeviceSelectionRequired',
        COMPLETED: '#/components/schemas/FlowCompleted',
        ...Object.fromEntries(OTHER_FLOW_STATUSES.map((s) => [s, '#/components/schemas/FlowOther'])),
      },
    },
    oneOf: ['FlowOtpRequired', 'FlowDeviceSelectionRequired', 'FlowCompleted', 'FlowOther'].map(ref),
  },
  /**
   * `GET /as/resume` in `pi.flow` mode: the authorization response as JSON. Only
   * `authorizeResponse.code` is documented; the other fields follow the completed flow.
   */
  ResumeResponse: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      session: ref('EntityRef'),
      status: enumOf(['COMPLETED']),
      authorizeResponse: object({ code: secret, state: text }, ['code']),
      createdAt: timestamp,
      expiresAt: timestamp,
    },
    ['authorizeResponse'],
  ),
};
