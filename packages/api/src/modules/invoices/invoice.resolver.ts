import { invoiceStatus, parseInvoicePeriodKey, type CurrencyCode } from '@csp/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { pageAfterId } from '../../shared/cursor.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { Money } from '../../shared/graphql-types.js';
import { customerLoader } from '../customers/customer.loaders.js';
import { linesOfInvoiceLoader } from './invoice.loaders.js';
import { Customer } from '../customers/customer.types.js';
import { invoiceTotals } from './invoice-csv.js';
import type { InvoiceEntity } from './invoice.entity.js';
import { getInvoice, listInvoices } from './invoice.service.js';
import { Invoice, InvoiceLine } from './invoice.types.js';

function view(entity: InvoiceEntity, now: Date): Invoice {
  const period = parseInvoicePeriodKey(entity.period);
  return Invoice.of(entity, period ? invoiceStatus(period, now) : 'OPEN');
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => [Invoice], { description: 'I1, I2: the partner’s monthly invoices, newest first.' })
  async invoices(@Ctx() ctx: RequestContext): Promise<Invoice[]> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const now = ctx.clock.now();
    return (await listInvoices(ctx.db, actor)).map((invoice) => view(invoice, now));
  }

  @Query(() => Invoice)
  async invoice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Invoice> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return view(await getInvoice(ctx.db, actor, id), ctx.clock.now());
  }

  @FieldResolver(() => [InvoiceLine], {
    description:
      'At most 2,000 lines per page: pass the last line’s id as `after` for the next (the CSV has them all).',
  })
  async lines(
    @Root() invoice: Invoice,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => ID, { nullable: true }) after?: string | null,
  ): Promise<InvoiceLine[]> {
    const all = await linesOfInvoiceLoader(ctx).load(invoice.id);
    return pageAfterId(all, { first, after }, PAGED_FIELDS['Invoice.lines']!).map(InvoiceLine.of);
  }

  @FieldResolver(() => Money, { description: 'Sum of the charges.' })
  async charges(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Money> {
    return Money.of((await this.totals(invoice, ctx)).charges, invoice.currency as CurrencyCode);
  }

  @FieldResolver(() => Money, { description: 'Sum of the credits (negative).' })
  async credits(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Money> {
    return Money.of((await this.totals(invoice, ctx)).credits, invoice.currency as CurrencyCode);
  }

  @FieldResolver(() => Money, { description: 'Charges plus credits.' })
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
  @FieldResolver(() => Customer, { nullable: true })
  async customer(@Root() line: InvoiceLine, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    const customer = await customerLoader(ctx).load(line.entity.customerId);
    return customer ? Customer.of(customer) : null;
  }
}
