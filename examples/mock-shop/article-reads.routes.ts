/** GET /article-reads: which customer read which blog article when (oldest first). */
import { listOperation, type Operation } from './operation';
import type { ShopData } from './shop-types';

export function articleReadRoutes(data: ShopData): Operation[] {
  return [
    listOperation({
      path: '/article-reads',
      operationId: 'listArticleReads',
      summary: 'List article reads (oldest first)',
      tag: 'article-reads',
      item: 'ArticleRead',
      filters: [{ name: 'customerId', description: "only this customer's reads", schema: { type: 'string', minLength: 1, maxLength: 64 } }],
      items: ({ query }) =>
        query.customerId === undefined ? data.articleReads : data.articleReads.filter((r) => r.customerId === query.customerId),
    }),
  ];
}
