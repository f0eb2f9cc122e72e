import { invoiceStatus, parseInvoicePeriodKey, type CurrencyCode } from '@csp/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { pageAfterId } from '../../shared/cursor.js';
import { firstDescription, PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { Money, PageInfo, SkuUnitEnum } from '../../shared/graphql-types.js';
import { skuLoader } from '../catalog/catalog.loaders.js';
import { linesOfOrderLoader } from '../orders/order.loaders.js';
import { customerLoader } from '../customers/customer.loaders.js';
import { linesOfInvoiceLoader } from './invoice.loaders.js';
import { Customer } from '../customers/customer.types.js';
import { invoiceTotals } from './invoice-csv.js';
import type { InvoiceEntity } from './invoice.entity.js';
import { countInvoices, getInvoice, invoicePage } from './invoice.service.js';
import { Invoice, InvoiceConnection, InvoiceEdge, InvoiceLine } from './invoice.types.js';

function view(entity: InvoiceEntity, now: Date): Invoice {
  const period = parseInvoicePeriodKey(entity.period);
  return Invoice.of(entity, period ? invoiceStatus(period, now) : 'OPEN');
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  // I1, I2
  @Query(() => InvoiceConnection, {
    description: 'The partner’s monthly invoices, newest month first, a page at a time.',
  })
  async invoices(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: firstDescription('Query.invoices') })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the previous page.',
    })
    after?: string | null,
  ): Promise<InvoiceConnection> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const now = ctx.clock.now();
    const page = await invoicePage(ctx.db, actor, { first, after });
    return Object.assign(new InvoiceConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new InvoiceEdge(), { cursor: row.cursor, node: view(row.invoice, now) }),
      ),
      pageInfo: PageInfo.forward(page.rows, page.hasNextPage),
    });
  }

  @Query(() => Invoice, { description: 'One of the partner’s invoices.' })
  async invoice(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The invoice’s id.' }) id: string,
  ): Promise<Invoice> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return view(await getInvoice(ctx.db, actor, id), ctx.clock.now());
  }

  @FieldResolver(() => [InvoiceLine], {
    description:
      'The invoice’s lines, oldest first, a page at a time: pass the last line’s id as `after` for the next (the CSV has them all).',
  })
  async lines(
    @Root() invoice: Invoice,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: firstDescription('Invoice.lines') })
    first?: number | null,
    @Arg('after', () => ID, {
      nullable: true,
      description: 'The last line’s id of the previous page.',
    })
    after?: string | null,
  ): Promise<InvoiceLine[]> {
    const all = await linesOfInvoiceLoader(ctx).load(invoice.id);
    return pageAfterId(all, { first, after }, PAGED_FIELDS['Invoice.lines']!).map(InvoiceLine.of);
  }

  @FieldResolver(() => Money, { description: 'The sum of the charges.' })
  async charges(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Money> {
    return Money.of((await this.totals(invoice, ctx)).charges, invoice.currency as CurrencyCode);
  }

  @FieldResolver(() => Money, { description: 'The sum of the credits (zero or negative).' })
  async credits(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Money> {
    return Money.of((await this.totals(invoice, ctx)).credits, invoice.currency as CurrencyCode);
  }

  @FieldResolver(() => Money, { description: 'What is owed: charges plus credits.' })
  async net(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Money> {
    return Money.of((await this.totals(invoice, ctx)).net, invoice.currency as CurrencyCode);
  }

  private async totals(invoice: Invoice, ctx: RequestContext) {
    const lines = await linesOfInvoiceLoader(ctx).load(invoice.id);
    return invoiceTotals(lines, invoice.currency as CurrencyCode);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Customer, {
    nullable: true,
    description: 'The customer the line is for.',
  })
  async customer(@Root() line: InvoiceLine, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    const customer = await customerLoader(ctx).load(line.entity.customerId);
    return customer ? Customer.of(customer) : null;
  }

  // Issue 15: the SKU's unit and term as data, so clients word it in their language.
  @FieldResolver(() => SkuUnitEnum, {
    nullable: true,
    description: 'What one unit of the SKU is; null for a SKU known only by its name.',
  })
  async skuUnit(@Root() line: InvoiceLine, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await skuOf(line, ctx))?.sku?.unit ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'How many or which units: "16" cores, "1" device, "D2s v5", "1–2" vCPUs.',
  })
  async skuUnitSize(@Root() line: InvoiceLine, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await skuOf(line, ctx))?.sku?.unitSize ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'The term in years (1 or 3) of the line bought; null for no term.',
  })
  async termYears(@Root() line: InvoiceLine, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await skuOf(line, ctx))?.termYears ?? null;
  }
}

/** The SKU and term of the order line an invoice line bills (batched per request). */
async function skuOf(line: InvoiceLine, ctx: RequestContext) {
  const lines = await linesOfOrderLoader(ctx).load(line.entity.orderId);
  const orderLine = lines.find((l) => l.id === line.entity.orderLineId);
  if (!orderLine) return null;
  return { sku: await skuLoader(ctx).load(orderLine.skuId), termYears: orderLine.termYears };
}

@Resolver(() => InvoiceConnection)
export class InvoiceConnectionResolver {
  @FieldResolver(() => Int, {
    description: 'How many invoices the partner has in all (every page). Counted when asked for.',
  })
  async totalCount(@Ctx() ctx: RequestContext): Promise<number> {
    return countInvoices(ctx.db, authorize(ctx.actor, 'READ_PARTNER_DATA'));
  }
}
