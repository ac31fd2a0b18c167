// The mail port of a test file records instead of calling SES: installed once, emptied before each test.
import { type OutgoingMail, setMailSender } from '@casetasks/app/runtime';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** Call after the hook that starts the API (local mode installs its own mailbox, which this replaces). */
export const recordMails = (): OutgoingMail[] => {
  const sent: OutgoingMail[] = [];
  beforeAll(() =>
    setMailSender({
      send: async (mail) => {
        sent.push(mail);
        return { messageId: `m-${sent.length}` };
      },
    }),
  );
  afterAll(() => setMailSender(undefined));
  beforeEach(() => {
    sent.length = 0;
  });
  return sent;
};
