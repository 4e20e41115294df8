import { InstanceType } from '../core/shape';
import { KafkaUser } from '../users/kafka-user';

/** The `user` prop of clients: a KafkaUser construct. */
export const USER_INSTANCE: InstanceType = {
  test: (v) => v instanceof KafkaUser,
  what: 'a KafkaUser',
};
