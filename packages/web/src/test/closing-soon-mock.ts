import { ClosingSoonCountDocument } from '../gql/graphql';

/** The header's Closing soon link asks its count when the user may cancel (R5): answer it. */
export const closingSoonCountMock = {
  request: { query: ClosingSoonCountDocument },
  result: {
    data: {
      cancellationsClosingSoon: { __typename: 'ClosingSoonConnection', totalCount: 0 },
    },
  },
};
