// The chat cleanup's judge: Bedrock when deployed, the offline judge locally.
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { type ChatJudge, createBedrockJudge, offlineJudge } from '@casetasks/ai';
import { config } from '../runtime/config.js';
import { traced } from '../runtime/observability.js';

let bedrock: BedrockRuntimeClient | undefined;
let judge: ChatJudge | undefined;

/** The configured judge; the Bedrock client is created once per process. */
export const configuredJudge = (): ChatJudge => {
  const { CHAT_JUDGE, BEDROCK_MODEL_ID, AWS_REGION } = config();
  if (CHAT_JUDGE === 'offline') return offlineJudge;
  if (judge) return judge;
  // SDK retries off: the judge retries throttles itself (bounded, jittered), so attempts never multiply.
  bedrock ??= traced(new BedrockRuntimeClient({ region: AWS_REGION, maxAttempts: 1 }));
  judge = createBedrockJudge({ client: bedrock, modelId: BEDROCK_MODEL_ID });
  return judge;
};
