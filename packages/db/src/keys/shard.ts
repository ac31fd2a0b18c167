// Write sharding for the cross-org job indexes: a job Queries every shard, so no partition runs hot.
export const JOB_SHARDS = 4;

/** Stable shard of an id (FNV-1a), so a task always lands in the same job partition. */
export const shardOf = (id: string, shards = JOB_SHARDS): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
};

export const allShards = (shards = JOB_SHARDS): number[] => Array.from({ length: shards }, (_, i) => i);
