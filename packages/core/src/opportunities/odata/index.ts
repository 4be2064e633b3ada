// OData query options of the referrals list: parser, checks, SQL.
export * from './filter.ast';
export * from './query';
export * from './sql';
