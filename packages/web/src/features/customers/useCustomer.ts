import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const CustomerDocument = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      id
      name
      domain
      market
      currency
      tenantId
      pricesIncludeTax
    }
  }
`);

export function useCustomer(id: string) {
  return useQuery(CustomerDocument, { variables: { id } });
}
