// The storefront module: what other packages may use of it.
export * from './storefront.ports';
export * from './storefront.service';
export * from './storefront.subscribers';
