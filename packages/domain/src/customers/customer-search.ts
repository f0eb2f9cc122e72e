/** B1: the longest customer search text (a name, GUID, domain or order ID is far shorter). */
export const CUSTOMER_SEARCH_MAX_LENGTH = 200;
