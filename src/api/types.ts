/** A knowledge-base page the agent cited for a reply (`payload.citedResources`). */
export interface CitedResource {
  /** The resource's id in the agent's knowledge base. */
  id: string;
  /** Address of the cited page. Untrusted: shown only when it is http(s). */
  url: string;
  /** The page's title, if the knowledge base has one. Untrusted text. */
  title?: string;
  /** Kind of resource, such as `website`. */
  type?: string;
}

/** One turn as the chat completions endpoint takes it. */
export interface WireMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** The request body of `POST {apiBase}/v1/chat/completions`. */
export interface ChatCompletionRequest {
  botId: string;
  messages: WireMessage[];
  /** Always sent: the agent's own default would otherwise decide the response format. */
  stream: boolean;
  model?: string;
}

/** What a reply is made of, in the order it arrives. */
export type ChatEvent =
  /** More reply text, to append. */
  | { type: 'text'; delta: string }
  /** The pages the reply cited; may arrive after the text is complete. */
  | { type: 'sources'; citedResources: CitedResource[] };
