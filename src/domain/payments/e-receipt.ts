/** What a biên lai điện tử (e-receipt of a fee paid online) states. */
export type EReceipt = {
  readonly receiptNo: string
  readonly agencyName: string
  readonly payerName: string
  readonly dossierCode: string
  readonly procedureName: string
  readonly amountVnd: number
  readonly paidAt: Date
  readonly gateway: string
  readonly gatewayTxn: string | null
}
