import type { Page } from 'playwright-core';

/**
 * Issue 14: what a phone-sized screen must not do. Runs in the page and returns one line per
 * problem (empty when the screen is fine):
 * - the page scrolls sideways (document.scrollingElement.scrollWidth > innerWidth), or a panel
 *   inside it does;
 * - text overlaps other text (two text runs of different elements whose boxes intersect);
 * - text collapsed to nothing or to one letter per line (a box narrower than 4 px, or a Latin word
 *   broken over lines, except inside a long token such as a URL);
 * - a control smaller than 24×24 CSS px (WCAG 2.5.8; links inside a sentence are exempt) or one
 *   that cannot be reached (outside the page, or covered by something else when scrolled to).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    // With a modal dialog open, only the dialog is checked (the page under it is inert); with a
    // menu open, only the menu (it floats over the page, covering text on purpose).
    const layer: Element =
      document.querySelector('[role=dialog][aria-modal=true], [role=alertdialog], [role=menu]') ??
      document.body;
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
      // Name the widest culprit so the failure says where to look.
      let widest = '';
      let right = window.innerWidth;
      for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right + window.scrollX > right) {
          right = box.right + window.scrollX;
          widest = describe(element);
        }
      }
      problems.push(
        `horizontal overflow: scrollWidth ${root.scrollWidth} > ${window.innerWidth} (${widest} ends at ${Math.round(right)})`,
      );
    }

    function describe(element: Element): string {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof element.className === 'string' ? element.className.split(' ')[0] : '';
      return `<${element.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> “${text}”`;
    }

    // A panel that scrolls sideways inside the page hides what is past its edge, with nothing to
    // say so (the review step's amounts and total were found there). Text fields scroll their own
    // value; that is how they work.
    for (const element of Array.from(layer.querySelectorAll<HTMLElement>('*'))) {
      if (element.closest('input, textarea, select')) continue;
      const { overflowX } = getComputedStyle(element);
      if (overflowX !== 'auto' && overflowX !== 'scroll') continue;
      const hidden = element.scrollWidth - element.clientWidth;
      if (hidden > 1 && element.getClientRects().length > 0) {
        problems.push(`sideways scroll inside ${describe(element)}: ${hidden}px hidden`);
      }
    }

    function visible(element: Element): boolean {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
        return false;
      // Visually hidden (screen-reader) text is clipped to 1 px on purpose.
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)')
        return false;
      let parent: Element | null = element;
      while (parent) {
        const s = getComputedStyle(parent);
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0)
          return false;
        if (
          parent.getAttribute('aria-hidden') === 'true' &&
          parent.hasAttribute('data-tabster-dummy')
        )
          return false;
        parent = parent.parentElement;
      }
      return true;
    }

    /**
     * The part of `box` left visible by `element`'s scrolling or clipping ancestors (a dialog's
     * scrolled content is not on screen where it is cut off), or null when none is.
     */
    function clipped(element: Element, box: DOMRect): DOMRect | null {
      let { left, top, right, bottom } = box;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const r = parent.getBoundingClientRect();
        left = Math.max(left, r.left);
        top = Math.max(top, r.top);
        right = Math.min(right, r.right);
        bottom = Math.min(bottom, r.bottom);
        if (right - left <= 0 || bottom - top <= 0) return null;
      }
      return new DOMRect(left, top, right - left, bottom - top);
    }

    // Text runs: one per text node, with their line boxes.
    interface Run {
      element: Element;
      text: string;
      boxes: DOMRect[];
    }
    const runs: Run[] = [];
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!text.trim()) continue;
      const element = node.parentElement;
      if (!element || !visible(element)) continue;
      if (element.closest('script, style, noscript, option, select, textarea, svg')) continue;
      range.selectNodeContents(node);
      const boxes = Array.from(range.getClientRects()).filter((b) => b.width > 0 && b.height > 0);
      const whole = range.getBoundingClientRect();
      if (boxes.length === 0) {
        if (whole.height > 0 && whole.width < 4 && text.trim().length > 1)
          problems.push(`collapsed text: ${describe(element)} is ${whole.width}px wide`);
        continue;
      }
      // Clipped by an overflow-hidden ancestor down to nothing.
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.width < 4 && text.trim().length > 1) {
        problems.push(`collapsed text: ${describe(element)} is ${box.width}px wide`);
      }
      const shown = boxes.map((b) => clipped(element, b)).filter((b): b is DOMRect => b !== null);
      if (shown.length > 0) runs.push({ element, text: text.trim(), boxes: shown });

      // One letter per line: a Latin word of up to 16 letters broken over two lines or more. Not in
      // a long token with no space (a URL, a signing secret): on a phone it must break somewhere.
      const token = /^\S{24,}$/.test(text.trim());
      const re = /[A-Za-z]{3,16}/g;
      for (let match = token ? null : re.exec(text); match; match = re.exec(text)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          Array.from(range.getClientRects())
            .filter((b) => b.width > 0)
            .map((b) => Math.round(b.top)),
        );
        if (lines.size > 1) {
          problems.push(
            `collapsed text: “${match[0]}” broken over ${lines.size} lines in ${describe(element)}`,
          );
          break;
        }
      }
    }

    // Overlapping text: line boxes of different runs that intersect by more than 2 px each way.
    const seen = new Set<string>();
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[i]!;
        const b = runs[j]!;
        if (a.element === b.element) continue;
        for (const x of a.boxes) {
          const hit = b.boxes.find(
            (y) =>
              Math.min(x.right, y.right) - Math.max(x.left, y.left) > 2 &&
              Math.min(x.bottom, y.bottom) - Math.max(x.top, y.top) > 2,
          );
          if (hit) {
            const key = `${a.text}|${b.text}`;
            if (!seen.has(key)) {
              seen.add(key);
              problems.push(
                `overlapping text: “${a.text.slice(0, 30)}” and “${b.text.slice(0, 30)}”`,
              );
            }
            break;
          }
        }
      }
    }

    // Controls: big enough and reachable.
    const controls = layer.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=tab], [role=combobox], [role=checkbox], [role=radio], [role=menuitem]',
    );
    const startX = window.scrollX;
    const startY = window.scrollY;
    // WCAG 2.5.8's spacing exception: an undersized target passes when a 24 px circle centred on
    // it touches no other target (and no other undersized target's circle). In page coordinates.
    const targets = Array.from(controls)
      .map((element) => {
        const r = element.getBoundingClientRect();
        return {
          element,
          left: r.left + window.scrollX,
          top: r.top + window.scrollY,
          right: r.right + window.scrollX,
          bottom: r.bottom + window.scrollY,
          small: r.width < 24 || r.height < 24,
        };
      })
      .filter((t) => t.right > t.left && t.bottom > t.top);
    const centre = (t: (typeof targets)[number]) => ({
      x: (t.left + t.right) / 2,
      y: (t.top + t.bottom) / 2,
    });
    function spaced(target: (typeof targets)[number]): boolean {
      const c = centre(target);
      return targets.every((other) => {
        if (
          other === target ||
          other.element.contains(target.element) ||
          target.element.contains(other.element)
        )
          return true;
        const dx = Math.max(other.left - c.x, 0, c.x - other.right);
        const dy = Math.max(other.top - c.y, 0, c.y - other.bottom);
        if (Math.hypot(dx, dy) < 12) return false;
        if (other.small) {
          const o = centre(other);
          if (Math.hypot(o.x - c.x, o.y - c.y) < 24) return false;
        }
        return true;
      });
    }
    for (const control of Array.from(controls)) {
      if (!visible(control) && !(control instanceof HTMLInputElement)) continue;
      if (control.closest('[aria-hidden=true], [inert]')) continue;
      let box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Parked off-screen on purpose until focused (the skip link): nothing to reach or overflow.
      if (box.right + window.scrollX <= 0) continue;
      // Fluent's checkboxes and radios: a transparent input laid over the visible box.
      if (control instanceof HTMLInputElement && Number(getComputedStyle(control).opacity) === 0) {
        if (!visible(control.parentElement!)) continue;
      }
      const style = getComputedStyle(control);
      const inline =
        control.tagName === 'A' &&
        style.display === 'inline' &&
        (control.parentElement?.textContent ?? '').trim().length >
          (control.textContent ?? '').trim().length;
      const target = targets.find((t) => t.element === control);
      if (!inline && (box.width < 24 || box.height < 24) && !(target && spaced(target))) {
        problems.push(
          `small control: ${describe(control)} is ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
      control.scrollIntoView({ block: 'center', inline: 'center' });
      box = control.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + Math.min(box.height / 2, 12);
      if (x < 0 || x > window.innerWidth || y < 0 || y > window.innerHeight) {
        problems.push(
          `unreachable control: ${describe(control)} at ${Math.round(x)},${Math.round(y)}`,
        );
        continue;
      }
      const top = document.elementFromPoint(x, y);
      const label =
        control.closest('label') ??
        (control.id ? document.querySelector(`label[for="${control.id}"]`) : null);
      const reachable =
        top &&
        (control.contains(top) ||
          top.contains(control) ||
          (label && (label.contains(top) || top.contains(label))) ||
          control.parentElement?.contains(top));
      if (!reachable) {
        problems.push(
          `unreachable control: ${describe(control)} is covered by ${top ? describe(top) : 'nothing'}`,
        );
      }
    }
    window.scrollTo(startX, startY);
    return problems;
  });
}
