/** One payment request as the gateway sees it (an order of the merchant, motcua). */
export type PaymentOrder = {
  /** Merchant reference, unique per attempt (vnp_TxnRef). */
  readonly txnRef: string
  readonly amountVnd: number
  /** Short description without diacritics or special characters, as gateways require. */
  readonly orderInfo: string
  /** Where the browser comes back after paying. */
  readonly returnUrl: string
  /** The payer's IP address. */
  readonly ipAddr: string
  readonly createdAt: Date
  readonly expiresAt: Date
}

/** A callback (IPN or browser return) whose signature checked out, in the gateway's terms. */
export type VerifiedCallback = {
  readonly txnRef: string
  readonly amountVnd: number
  /** Currency if the gateway sent one; VNPay's callbacks carry none (the order was in VND). */
  readonly currency: string | null
  /** The gateway's verdict: true only when both the response and the transaction status say success. */
  readonly succeeded: boolean
  readonly responseCode: string
  readonly gatewayTxn: string | null
  readonly bankCode: string | null
  readonly paidAt: Date | null
  /** Every signed field as received, for the log. */
  readonly fields: Readonly<Record<string, string>>
}

export type CallbackVerdict =
  | { readonly ok: true; readonly callback: VerifiedCallback }
  | { readonly ok: false; readonly reason: 'invalid-signature' | 'malformed' }

/** Hoàn tiền: give back a paid transaction in full. */
export type RefundRequest = {
  readonly requestId: string
  readonly txnRef: string
  readonly amountVnd: number
  readonly gatewayTxn: string | null
  /** When the original payment was made (the gateway looks the transaction up by it). */
  readonly transactionDate: Date
  readonly createdBy: string
  readonly ipAddr: string
  readonly orderInfo: string
  readonly now: Date
}

export type RefundResult =
  | { readonly ok: true; readonly responseCode: string; readonly gatewayTxn: string | null }
  | { readonly ok: false; readonly responseCode: string; readonly message: string }

/** An online payment gateway: signed payment URLs, signed callbacks, refunds. */
export type PaymentGateway = {
  readonly name: string
  paymentUrl(order: PaymentOrder): string
  verifyCallback(query: Readonly<Record<string, unknown>>): CallbackVerdict
  refund(request: RefundRequest): Promise<RefundResult>
}
