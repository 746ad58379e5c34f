// Types of superfine 8 (the package ships none): a keyed virtual DOM patcher.
declare module 'superfine' {
  export interface VNode {
    tag: string;
    props: Record<string, unknown>;
    key: unknown;
    children: VNode[];
    type?: number;
    node?: Node;
  }
  export function h(tag: string, props: Record<string, unknown>, children?: VNode | VNode[]): VNode;
  export function text(value: string): VNode;
  export function patch(node: Node, vdom: VNode): Node;
}
