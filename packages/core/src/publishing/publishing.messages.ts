import type { ModuleCatalogue } from '../i18n/catalogue';

/**
 * Publication, review, program profiles, status requirements, benefits, policy previews and
 * notifications. Requirement texts read as facts: `.met` says what holds, `.unmet` says what is
 * missing and how to fix it; a benefit's text says whether the offer has it and, if not, why.
 */
const en = {
  'requirement.offer.eligibleType.met': 'The offer type can be co-sold.',
  'requirement.offer.eligibleType.unmet':
    'Apps and add-ins for Office are never co-sell eligible. Publish the solution as another offer type.',
  'requirement.offer.live.met': 'The offer is live in the marketplace.',
  'requirement.offer.live.unmet':
    'The offer is not live yet. Publish it and select Go live once the preview is ready.',
  'requirement.profile.partnerId.met': 'The organisation has a PartnerID.',
  'requirement.profile.partnerId.unmet':
    'Enter the organisation’s PartnerID in the program profile.',
  'requirement.profile.marketplaceAccount.met': 'The commercial marketplace account is active.',
  'requirement.profile.marketplaceAccount.unmet':
    'The organisation needs an active commercial marketplace account.',
  'requirement.profile.businessProfile.met': 'The business profile is complete.',
  'requirement.profile.businessProfile.unmet': 'Complete the organisation’s business profile.',
  'requirement.tab.listingComplete.met': 'The co-sell listing is complete.',
  'requirement.tab.listingComplete.unmet':
    'Complete the listing: platforms, segments, solution type and solution areas with sub-areas.',
  'requirement.documents.cosellReady.met': 'The required co-sell documents are uploaded.',
  'requirement.documents.cosellReady.unmet': 'Upload the missing documents: {missing}.',
  'requirement.tab.partnerSalesContacts.met': 'Every market has a Partner sales contact.',
  'requirement.tab.partnerSalesContacts.unmet':
    'Add a Partner sales contact for these markets: {missing}.',
  'requirement.review.approved.met': 'A Microsoft reviewer approved the co-sell material.',
  'requirement.review.approved.unmet':
    'The co-sell material has not been approved yet. Publish it for review.',
  'requirement.partner.goldCompetency.met': 'The organisation holds an active gold competency.',
  'requirement.partner.goldCompetency.unmet':
    'Services offers need an active gold competency (set by the program).',
  'requirement.partner.solutionsPartner.met':
    'The organisation holds a Solutions Partner designation.',
  'requirement.partner.solutionsPartner.unmet':
    'Consulting services need a Solutions Partner designation (set by the program).',
  'requirement.partner.isvConnect.met': 'The organisation is enrolled in ISV Connect.',
  'requirement.partner.isvConnect.unmet':
    'Business Applications offers need ISV Connect enrollment (set by the program).',
  'requirement.partner.isvConnectPremium.met': 'The ISV Connect enrollment is premium.',
  'requirement.partner.isvConnectPremium.unmet': 'This status needs the ISV Connect premium tier.',
  'requirement.revenue.threshold.met':
    'Revenue over the last 12 months reaches USD {threshold} and is verified.',
  'requirement.revenue.threshold.unmet':
    'Needs USD {threshold} of Azure consumed revenue over 12 months (USD {acr} now), or of billed marketplace revenue for a transactable offer (USD {billed} now), verified by a reviewer.',
  'requirement.technical.validation.met': 'The technical validation passed.',
  'requirement.technical.validation.unmet':
    'A reviewer must confirm that the offer’s IP runs primarily on Azure (technical validation).',
  'requirement.documents.azureIp.met': 'The reference architecture diagram is uploaded.',
  'requirement.documents.azureIp.unmet': 'Upload the missing documents: {missing}.',
  'requirement.tab.solutionTypeIp.met': 'The solution type is IP.',
  'requirement.tab.solutionTypeIp.unmet': 'The listing’s solution type must be IP.',
  'requirement.offer.transactable.met': 'The offer is transactable, or does not need to be.',
  'requirement.offer.transactable.unmet':
    'Offers created from {from} must be transactable in the marketplace.',
  'benefit.visibleToSellers.met': 'Microsoft sellers find the offer and can co-sell it.',
  'benefit.visibleToSellers.needsStatus':
    'Not visible to Microsoft sellers: the offer needs the {status} status.',
  'benefit.visibleToSellers.notLive': 'Not visible to Microsoft sellers: the offer is not live.',
  'benefit.visibleToSellers.notForType':
    'Not visible to Microsoft sellers: offers of this type cannot be co-sold.',
  'benefit.preferredSolutionBadge.granted':
    'The Microsoft Preferred Solution badge shows on the offer.',
  'benefit.preferredSolutionBadge.due':
    'The offer qualifies for the Microsoft Preferred Solution badge; it appears on {date}.',
  'benefit.preferredSolutionBadge.pending':
    'The offer qualifies for the Microsoft Preferred Solution badge; it appears {days} days after the status is reached.',
  'benefit.preferredSolutionBadge.needsStatus':
    'No Microsoft Preferred Solution badge: the offer needs the {status} status.',
  'benefit.preferredSolutionBadge.notForType':
    'No Microsoft Preferred Solution badge: offers of this type cannot earn it under this policy.',
  'benefit.azureBenefitEligible.met':
    'Azure benefit eligible: purchases count toward the customer’s Azure consumption commitment.',
  'benefit.azureBenefitEligible.needsStatus':
    'Not Azure benefit eligible: the offer needs the {status} status.',
  'benefit.azureBenefitEligible.notLive': 'Not Azure benefit eligible: the offer is not live.',
  'benefit.azureBenefitEligible.notTransactable':
    'Not Azure benefit eligible: the offer is not transactable in the marketplace.',
  'benefit.azureBenefitEligible.free':
    'Not Azure benefit eligible: the offer is free; only plans priced above zero count.',
  'benefit.azureBenefitEligible.notForType':
    'Not Azure benefit eligible: offers of this type never are under this policy.',
  'benefit.cspIncentive.met': 'CSP partners earn a {percent} incentive for reselling the offer.',
  'benefit.cspIncentive.needsStatus':
    'No CSP partner incentive: the offer needs the {status} status (then {percent}).',
  'benefit.cspIncentive.none': 'This policy has no CSP partner incentive.',
  'benefit.cspIncentive.notForType':
    'No CSP partner incentive: offers of this type cannot earn it under this policy.',
  'benefit.marketplaceFee.reduced':
    'The marketplace fee is reduced to {percent} (instead of {standard}).',
  'benefit.marketplaceFee.needsStatus':
    'The marketplace fee is {percent}; with the {status} status it would be {reduced}.',
  'benefit.marketplaceFee.flat':
    'The marketplace fee is {percent} for every offer under this policy.',
  'benefit.marketplaceFee.notForType':
    'The marketplace fee is {percent}; the reduced fee of {reduced} is for IaaS and SaaS offers only.',
  'policyPreview.statusUnavailable':
    '{status} does not exist for this offer type under the new policy.',
  'policyPreview.statusNew': '{status} did not exist for this offer type under the active policy.',

  'notification.review.passed.subject': '“{offerName}” passed co-sell review',
  'notification.review.passed.text':
    'A Microsoft reviewer approved the co-sell material of “{offerName}”. Publishing continues.',
  'notification.review.passedPreview.subject': '“{offerName}” is approved: its preview is ready',
  'notification.review.passedPreview.text':
    'A Microsoft reviewer approved the co-sell material of “{offerName}”. Its preview is ready: check it, then select Go live to publish the offer in the marketplace. Nothing more happens until you do.',
  'notification.review.failed.subject': '“{offerName}” needs attention',
  'notification.review.failed.text':
    'The co-sell submission of “{offerName}” did not pass. Read the report, fix the offer and publish it again.',
  'notification.status.changed.subject': '“{offerName}” is now {toName}',
  'notification.status.changed.text':
    'The co-sell status of “{offerName}” changed from {fromName} to {toName}.',
  'notification.badge.granted.subject':
    '“{offerName}” earned the Microsoft Preferred Solution badge',
  'notification.badge.granted.text':
    'The Microsoft Preferred Solution badge now shows on “{offerName}” in the marketplace.',

  'publishing.archived': 'Restore the offer before publishing it.',
  'publishing.inProgress':
    'This offer is already being published. Wait for it, or cancel it first.',
  'publishing.noChanges': 'Nothing changed since the live version: there is nothing to publish.',
  'publishing.staleDraft':
    'The draft changed after you compared it (it is now version {draftVersion}). Compare again, then publish.',
  'publishing.changed.fields': 'The offer details changed.',
  'publishing.changed.listing': 'The co-sell listing changed.',
  'publishing.changed.documents': 'The co-sell documents changed.',
  'publishing.changed.contacts': 'The contacts changed.',
  'publishing.sections': 'Select these sections to publish: {required}.',
  'publishing.invalid':
    'Some co-sell data is not allowed by the program’s policy. Fix the items listed, then publish.',
  'publishing.cannotCancel': 'This submission can no longer be cancelled.',
  'publishing.notInPreview': 'The offer is not in preview: there is nothing to take live.',
  'reviewing.reportRequired': 'Write a report that tells the publisher what to fix.',
  'reviewing.notInReview': 'This submission is no longer waiting for review.',

  'programProfile.amountInvalid': 'Enter an amount in USD of 0 or more.',
  'programProfile.partnerIdInvalid': 'A PartnerID is 5 to 10 digits.',
  'programProfile.programOnly': 'Only the program can set this field.',
  'system.clockFixed': 'Moving the clock is switched off on this server (CLOCK_CONTROL).',
  'profileImport.refused': 'Fix the rows listed and import the file again.',
  'profileImport.empty': 'The file has no header row.',
  'profileImport.keyMissing':
    'The header must have an “Organisation ID” or a “PartnerID” column to name each partner.',
  'profileImport.keyMissingRow': 'Row {row}: give an Organisation ID or a PartnerID.',
  'profileImport.malformed': 'Row {row}: a quote is not closed or is misplaced.',
  'profileImport.organisationInvalid': 'Row {row}: the Organisation ID is not valid.',
  'profileImport.organisationUnknown': 'Row {row}: no partner organisation has this ID.',
  'profileImport.partnerUnknown': 'Row {row}: no partner has PartnerID {partnerId}.',
  'profileImport.booleanInvalid': 'Row {row}, {column}: write yes or no.',
  'profileImport.isvConnectInvalid': 'Row {row}, {column}: write none, standard or premium.',
  'profileImport.duplicate': 'Row {row}: the same partner is already in row {firstRow}.',
} as const;

export const PUBLICATION_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {
    'requirement.offer.eligibleType.met': '该产品类型可以共同销售。',
    'requirement.offer.eligibleType.unmet':
      'Office 应用和加载项永远不具备共同销售资格。请将解决方案发布为其他产品类型。',
    'requirement.offer.live.met': '该产品已在市场中上线。',
    'requirement.offer.live.unmet': '该产品尚未上线。请发布该产品，并在预览就绪后选择“上线”。',
    'requirement.profile.partnerId.met': '该组织拥有 PartnerID。',
    'requirement.profile.partnerId.unmet': '请在计划资料中输入该组织的 PartnerID。',
    'requirement.profile.marketplaceAccount.met': '商业市场账户处于活动状态。',
    'requirement.profile.marketplaceAccount.unmet': '该组织需要一个处于活动状态的商业市场账户。',
    'requirement.profile.businessProfile.met': '业务资料已填写完整。',
    'requirement.profile.businessProfile.unmet': '请完善该组织的业务资料。',
    'requirement.tab.listingComplete.met': '共同销售列表已填写完整。',
    'requirement.tab.listingComplete.unmet':
      '请完善列表：平台、细分市场、解决方案类型，以及包含子领域的解决方案领域。',
    'requirement.documents.cosellReady.met': '所需的共同销售文档均已上传。',
    'requirement.documents.cosellReady.unmet': '请上传缺少的文档：{missing, list}。',
    'requirement.tab.partnerSalesContacts.met': '每个市场都有合作伙伴销售联系人。',
    'requirement.tab.partnerSalesContacts.unmet':
      '请为以下市场添加合作伙伴销售联系人：{missing, list}。',
    'requirement.review.approved.met': 'Microsoft 审核者已批准共同销售材料。',
    'requirement.review.approved.unmet': '共同销售材料尚未获得批准。请将其发布以供审核。',
    'requirement.partner.goldCompetency.met': '该组织拥有有效的金牌能力。',
    'requirement.partner.goldCompetency.unmet': '服务类产品需要有效的金牌能力（由计划设置）。',
    'requirement.partner.solutionsPartner.met': '该组织拥有 Solutions Partner 认定。',
    'requirement.partner.solutionsPartner.unmet':
      '咨询服务需要 Solutions Partner 认定（由计划设置）。',
    'requirement.partner.isvConnect.met': '该组织已加入 ISV Connect。',
    'requirement.partner.isvConnect.unmet':
      'Business Applications 产品需要加入 ISV Connect（由计划设置）。',
    'requirement.partner.isvConnectPremium.met': '该组织的 ISV Connect 级别为高级。',
    'requirement.partner.isvConnectPremium.unmet': '此状态需要 ISV Connect 高级级别。',
    'requirement.revenue.threshold.met': '过去 12 个月的收入达到 USD {threshold}，且已经过验证。',
    'requirement.revenue.threshold.unmet':
      '需要在 12 个月内达到 USD {threshold} 的 Azure 消耗收入（目前为 USD {acr}），或者对于可交易产品，达到同等金额的市场计费收入（目前为 USD {billed}），并经审核者验证。',
    'requirement.technical.validation.met': '技术验证已通过。',
    'requirement.technical.validation.unmet':
      '审核者必须确认该产品的 IP 主要在 Azure 上运行（技术验证）。',
    'requirement.documents.azureIp.met': '已上传参考体系结构图。',
    'requirement.documents.azureIp.unmet': '请上传缺少的文档：{missing, list}。',
    'requirement.tab.solutionTypeIp.met': '解决方案类型为 IP。',
    'requirement.tab.solutionTypeIp.unmet': '列表的解决方案类型必须为 IP。',
    'requirement.offer.transactable.met': '该产品可交易，或无需可交易。',
    'requirement.offer.transactable.unmet': '自 {from} 起创建的产品必须在市场中可交易。',
    'benefit.visibleToSellers.met': 'Microsoft 销售人员可以找到该产品并共同销售。',
    'benefit.visibleToSellers.needsStatus':
      '对 Microsoft 销售人员不可见：该产品需要“{status}”状态。',
    'benefit.visibleToSellers.notLive': '对 Microsoft 销售人员不可见：该产品尚未上线。',
    'benefit.visibleToSellers.notForType':
      '对 Microsoft 销售人员不可见：此类型的产品不能共同销售。',
    'benefit.preferredSolutionBadge.granted': '该产品显示 Microsoft 首选解决方案徽章。',
    'benefit.preferredSolutionBadge.due':
      '该产品符合 Microsoft 首选解决方案徽章的条件；徽章将于 {date} 显示。',
    'benefit.preferredSolutionBadge.pending':
      '该产品符合 Microsoft 首选解决方案徽章的条件；徽章将在达到该状态 {days} 天后显示。',
    'benefit.preferredSolutionBadge.needsStatus':
      '没有 Microsoft 首选解决方案徽章：该产品需要“{status}”状态。',
    'benefit.preferredSolutionBadge.notForType':
      '没有 Microsoft 首选解决方案徽章：根据此政策，此类型的产品无法获得该徽章。',
    'benefit.azureBenefitEligible.met': '符合 Azure 权益条件：购买金额计入客户的 Azure 消费承诺。',
    'benefit.azureBenefitEligible.needsStatus': '不符合 Azure 权益条件：该产品需要“{status}”状态。',
    'benefit.azureBenefitEligible.notLive': '不符合 Azure 权益条件：该产品尚未上线。',
    'benefit.azureBenefitEligible.notTransactable':
      '不符合 Azure 权益条件：该产品在市场中不可交易。',
    'benefit.azureBenefitEligible.free':
      '不符合 Azure 权益条件：该产品是免费的；只有价格高于零的计划才计入。',
    'benefit.azureBenefitEligible.notForType':
      '不符合 Azure 权益条件：根据此政策，此类型的产品永远不符合条件。',
    'benefit.cspIncentive.met': 'CSP 合作伙伴转售该产品可获得 {percent} 的激励。',
    'benefit.cspIncentive.needsStatus':
      '没有 CSP 合作伙伴激励：该产品需要“{status}”状态（届时为 {percent}）。',
    'benefit.cspIncentive.none': '此政策没有 CSP 合作伙伴激励。',
    'benefit.cspIncentive.notForType':
      '没有 CSP 合作伙伴激励：根据此政策，此类型的产品无法获得该激励。',
    'benefit.marketplaceFee.reduced': '市场费用降至 {percent}（而非 {standard}）。',
    'benefit.marketplaceFee.needsStatus':
      '市场费用为 {percent}；获得“{status}”状态后将为 {reduced}。',
    'benefit.marketplaceFee.flat': '根据此政策，所有产品的市场费用均为 {percent}。',
    'benefit.marketplaceFee.notForType':
      '市场费用为 {percent}；{reduced} 的优惠费用仅适用于 IaaS 和 SaaS 产品。',
    'policyPreview.statusUnavailable': '根据新政策，此产品类型不存在“{status}”状态。',
    'policyPreview.statusNew': '根据当前政策，此产品类型不存在“{status}”状态。',

    'notification.review.passed.subject': '“{offerName}”已通过共同销售审核',
    'notification.review.passed.text':
      'Microsoft 审核者已批准“{offerName}”的共同销售材料。发布将继续进行。',
    'notification.review.passedPreview.subject': '“{offerName}”已获批准：预览已就绪',
    'notification.review.passedPreview.text':
      'Microsoft 审核者已批准“{offerName}”的共同销售材料。预览已就绪：请检查预览，然后选择“上线”，将产品发布到市场。在你选择之前，不会有任何后续操作。',
    'notification.review.failed.subject': '“{offerName}”需要处理',
    'notification.review.failed.text':
      '“{offerName}”的共同销售提交未通过。请阅读报告，修正产品后重新发布。',
    'notification.status.changed.subject': '“{offerName}”现在的状态为 {toName}',
    'notification.status.changed.text':
      '“{offerName}”的共同销售状态已从 {fromName} 更改为 {toName}。',
    'notification.badge.granted.subject': '“{offerName}”获得了 Microsoft Preferred Solution 徽章',
    'notification.badge.granted.text':
      '“{offerName}”现在在市场中显示 Microsoft Preferred Solution 徽章。',

    'publishing.archived': '请先还原该产品，然后再发布。',
    'publishing.inProgress': '此产品已在发布中。请等待发布完成，或先取消发布。',
    'publishing.noChanges': '自上线版本以来没有任何更改：没有可发布的内容。',
    'publishing.staleDraft':
      '草稿在你比较之后已更改（现在是第 {draftVersion} 版）。请重新比较，然后发布。',
    'publishing.changed.fields': '产品/服务详细信息已更改。',
    'publishing.changed.listing': '共同销售列表已更改。',
    'publishing.changed.documents': '共同销售文档已更改。',
    'publishing.changed.contacts': '联系人已更改。',
    'publishing.sections': '请选择要发布的以下部分：{required}。',
    'publishing.invalid': '部分共同销售数据不符合计划政策。请修正所列项目，然后发布。',
    'publishing.cannotCancel': '此提交已无法取消。',
    'publishing.notInPreview': '该产品不在预览阶段：没有可上线的内容。',
    'reviewing.reportRequired': '请撰写一份报告，告诉发布者需要修正的内容。',
    'reviewing.notInReview': '此提交已不再等待审核。',

    'programProfile.amountInvalid': '请输入大于或等于 0 的 USD 金额。',
    'programProfile.partnerIdInvalid': 'PartnerID 为 5 到 10 位数字。',
    'programProfile.programOnly': '此字段只能由计划设置。',
    'system.clockFixed': '此服务器已关闭时钟调整功能（CLOCK_CONTROL）。',
    'profileImport.refused': '请修正所列的行，然后重新导入文件。',
    'profileImport.empty': '文件没有标题行。',
    'profileImport.keyMissing':
      '标题行必须包含“Organisation ID”或“PartnerID”列，用于标识每个合作伙伴。',
    'profileImport.keyMissingRow': '第 {row} 行：请提供 Organisation ID 或 PartnerID。',
    'profileImport.malformed': '第 {row} 行：引号未闭合或位置不正确。',
    'profileImport.organisationInvalid': '第 {row} 行：Organisation ID 无效。',
    'profileImport.organisationUnknown': '第 {row} 行：没有合作伙伴组织使用此 ID。',
    'profileImport.partnerUnknown': '第 {row} 行：没有合作伙伴的 PartnerID 为 {partnerId}。',
    'profileImport.booleanInvalid': '第 {row} 行，“{column}”：请填写 yes 或 no。',
    'profileImport.isvConnectInvalid':
      '第 {row} 行，“{column}”：请填写 none、standard 或 premium。',
    'profileImport.duplicate': '第 {row} 行：同一合作伙伴已出现在第 {firstRow} 行。',
  },
  'zh-TW': {
    'requirement.offer.eligibleType.met': '此供應項目類型可以共同銷售。',
    'requirement.offer.eligibleType.unmet':
      'Office 應用程式和增益集永遠不具備共同銷售資格。請將解決方案發佈為其他供應項目類型。',
    'requirement.offer.live.met': '此供應項目已在市集中上線。',
    'requirement.offer.live.unmet':
      '此供應項目尚未上線。請發佈供應項目，並在預覽就緒後選取「上線」。',
    'requirement.profile.partnerId.met': '此組織擁有 PartnerID。',
    'requirement.profile.partnerId.unmet': '請在計畫資料中輸入此組織的 PartnerID。',
    'requirement.profile.marketplaceAccount.met': '商業市集帳戶處於作用中狀態。',
    'requirement.profile.marketplaceAccount.unmet': '此組織需要一個作用中的商業市集帳戶。',
    'requirement.profile.businessProfile.met': '商務資料已填寫完整。',
    'requirement.profile.businessProfile.unmet': '請完成此組織的商務資料。',
    'requirement.tab.listingComplete.met': '共同銷售清單已填寫完整。',
    'requirement.tab.listingComplete.unmet':
      '請完成清單：平台、市場區隔、解決方案類型，以及包含子領域的解決方案領域。',
    'requirement.documents.cosellReady.met': '所需的共同銷售文件都已上傳。',
    'requirement.documents.cosellReady.unmet': '請上傳缺少的文件：{missing, list}。',
    'requirement.tab.partnerSalesContacts.met': '每個市場都有合作夥伴銷售連絡人。',
    'requirement.tab.partnerSalesContacts.unmet':
      '請為下列市場新增合作夥伴銷售連絡人：{missing, list}。',
    'requirement.review.approved.met': 'Microsoft 審核者已核准共同銷售資料。',
    'requirement.review.approved.unmet': '共同銷售資料尚未獲得核准。請將其發佈以供審核。',
    'requirement.partner.goldCompetency.met': '此組織擁有有效的金級能力。',
    'requirement.partner.goldCompetency.unmet': '服務類供應項目需要有效的金級能力（由計畫設定）。',
    'requirement.partner.solutionsPartner.met': '此組織擁有 Solutions Partner 認證。',
    'requirement.partner.solutionsPartner.unmet':
      '諮詢服務需要 Solutions Partner 認證（由計畫設定）。',
    'requirement.partner.isvConnect.met': '此組織已加入 ISV Connect。',
    'requirement.partner.isvConnect.unmet':
      'Business Applications 供應項目需要加入 ISV Connect（由計畫設定）。',
    'requirement.partner.isvConnectPremium.met': '此組織的 ISV Connect 層級為進階。',
    'requirement.partner.isvConnectPremium.unmet': '此狀態需要 ISV Connect 進階層級。',
    'requirement.revenue.threshold.met': '過去 12 個月的營收達到 USD {threshold}，且已經過驗證。',
    'requirement.revenue.threshold.unmet':
      '需要在 12 個月內達到 USD {threshold} 的 Azure 使用量營收（目前為 USD {acr}），或者對於可交易的供應項目，達到同等金額的市集計費營收（目前為 USD {billed}），並經審核者驗證。',
    'requirement.technical.validation.met': '技術驗證已通過。',
    'requirement.technical.validation.unmet':
      '審核者必須確認此供應項目的 IP 主要在 Azure 上執行（技術驗證）。',
    'requirement.documents.azureIp.met': '已上傳參考架構圖。',
    'requirement.documents.azureIp.unmet': '請上傳缺少的文件：{missing, list}。',
    'requirement.tab.solutionTypeIp.met': '解決方案類型為 IP。',
    'requirement.tab.solutionTypeIp.unmet': '清單的解決方案類型必須為 IP。',
    'requirement.offer.transactable.met': '此供應項目可交易，或不需要可交易。',
    'requirement.offer.transactable.unmet': '自 {from} 起建立的供應項目必須在市集中可交易。',
    'benefit.visibleToSellers.met': 'Microsoft 銷售人員可以找到此供應項目並共同銷售。',
    'benefit.visibleToSellers.needsStatus':
      '對 Microsoft 銷售人員不可見：此供應項目需要「{status}」狀態。',
    'benefit.visibleToSellers.notLive': '對 Microsoft 銷售人員不可見：此供應項目尚未上線。',
    'benefit.visibleToSellers.notForType':
      '對 Microsoft 銷售人員不可見：此類型的供應項目無法共同銷售。',
    'benefit.preferredSolutionBadge.granted': '此供應項目顯示 Microsoft 首選解決方案徽章。',
    'benefit.preferredSolutionBadge.due':
      '此供應項目符合 Microsoft 首選解決方案徽章的資格；徽章將於 {date} 顯示。',
    'benefit.preferredSolutionBadge.pending':
      '此供應項目符合 Microsoft 首選解決方案徽章的資格；徽章將在達到該狀態 {days} 天後顯示。',
    'benefit.preferredSolutionBadge.needsStatus':
      '沒有 Microsoft 首選解決方案徽章：此供應項目需要「{status}」狀態。',
    'benefit.preferredSolutionBadge.notForType':
      '沒有 Microsoft 首選解決方案徽章：依此政策，此類型的供應項目無法獲得該徽章。',
    'benefit.azureBenefitEligible.met': '符合 Azure 權益資格：購買金額計入客戶的 Azure 消費承諾。',
    'benefit.azureBenefitEligible.needsStatus':
      '不符合 Azure 權益資格：此供應項目需要「{status}」狀態。',
    'benefit.azureBenefitEligible.notLive': '不符合 Azure 權益資格：此供應項目尚未上線。',
    'benefit.azureBenefitEligible.notTransactable':
      '不符合 Azure 權益資格：此供應項目在市集中不可交易。',
    'benefit.azureBenefitEligible.free':
      '不符合 Azure 權益資格：此供應項目為免費；只有價格高於零的方案才會計入。',
    'benefit.azureBenefitEligible.notForType':
      '不符合 Azure 權益資格：依此政策，此類型的供應項目一律不符合資格。',
    'benefit.cspIncentive.met': 'CSP 合作夥伴轉售此供應項目可獲得 {percent} 的獎勵。',
    'benefit.cspIncentive.needsStatus':
      '沒有 CSP 合作夥伴獎勵：此供應項目需要「{status}」狀態（屆時為 {percent}）。',
    'benefit.cspIncentive.none': '此政策沒有 CSP 合作夥伴獎勵。',
    'benefit.cspIncentive.notForType':
      '沒有 CSP 合作夥伴獎勵：依此政策，此類型的供應項目無法獲得該獎勵。',
    'benefit.marketplaceFee.reduced': '市集費用降至 {percent}（而非 {standard}）。',
    'benefit.marketplaceFee.needsStatus':
      '市集費用為 {percent}；取得「{status}」狀態後將為 {reduced}。',
    'benefit.marketplaceFee.flat': '依此政策，所有供應項目的市集費用皆為 {percent}。',
    'benefit.marketplaceFee.notForType':
      '市集費用為 {percent}；{reduced} 的優惠費用僅適用於 IaaS 和 SaaS 供應項目。',
    'policyPreview.statusUnavailable': '依新政策，此供應項目類型沒有「{status}」狀態。',
    'policyPreview.statusNew': '依目前的政策，此供應項目類型沒有「{status}」狀態。',

    'notification.review.passed.subject': '「{offerName}」已通過共同銷售審核',
    'notification.review.passed.text':
      'Microsoft 審核者已核准「{offerName}」的共同銷售資料。發佈將繼續進行。',
    'notification.review.passedPreview.subject': '「{offerName}」已獲核准：預覽已就緒',
    'notification.review.passedPreview.text':
      'Microsoft 審核者已核准「{offerName}」的共同銷售資料。預覽已就緒：請檢查預覽，然後選取「上線」，將產品發佈到市集。在你選取之前，不會有任何後續動作。',
    'notification.review.failed.subject': '「{offerName}」需要處理',
    'notification.review.failed.text':
      '「{offerName}」的共同銷售提交未通過。請閱讀報告，修正供應項目後重新發佈。',
    'notification.status.changed.subject': '「{offerName}」目前的狀態為 {toName}',
    'notification.status.changed.text':
      '「{offerName}」的共同銷售狀態已從 {fromName} 變更為 {toName}。',
    'notification.badge.granted.subject': '「{offerName}」獲得了 Microsoft Preferred Solution 徽章',
    'notification.badge.granted.text':
      '「{offerName}」現在在市集中顯示 Microsoft Preferred Solution 徽章。',

    'publishing.archived': '請先還原此供應項目，再進行發佈。',
    'publishing.inProgress': '此供應項目已在發佈中。請等待發佈完成，或先取消發佈。',
    'publishing.noChanges': '自上線版本以來沒有任何變更：沒有可發佈的內容。',
    'publishing.staleDraft':
      '草稿在你比較之後已變更（現在是第 {draftVersion} 版）。請重新比較，然後發佈。',
    'publishing.changed.fields': '產品/服務詳細資料已變更。',
    'publishing.changed.listing': '共同銷售清單已變更。',
    'publishing.changed.documents': '共同銷售文件已變更。',
    'publishing.changed.contacts': '連絡人已變更。',
    'publishing.sections': '請選取要發佈的下列區段：{required}。',
    'publishing.invalid': '部分共同銷售資料不符合計畫政策。請修正所列項目，然後再發佈。',
    'publishing.cannotCancel': '此提交已無法取消。',
    'publishing.notInPreview': '此供應項目不在預覽階段：沒有可上線的內容。',
    'reviewing.reportRequired': '請撰寫一份報告，告訴發行者需要修正的地方。',
    'reviewing.notInReview': '此提交已不再等待審核。',

    'programProfile.amountInvalid': '請輸入大於或等於 0 的 USD 金額。',
    'programProfile.partnerIdInvalid': 'PartnerID 為 5 到 10 位數字。',
    'programProfile.programOnly': '此欄位只能由計畫設定。',
    'system.clockFixed': '此伺服器已關閉時鐘調整功能（CLOCK_CONTROL）。',
    'profileImport.refused': '請修正所列的列，然後重新匯入檔案。',
    'profileImport.empty': '檔案沒有標題列。',
    'profileImport.keyMissing':
      '標題列必須包含「Organisation ID」或「PartnerID」欄，用於識別每個合作夥伴。',
    'profileImport.keyMissingRow': '第 {row} 列：請提供 Organisation ID 或 PartnerID。',
    'profileImport.malformed': '第 {row} 列：引號未閉合或位置錯誤。',
    'profileImport.organisationInvalid': '第 {row} 列：Organisation ID 無效。',
    'profileImport.organisationUnknown': '第 {row} 列：沒有合作夥伴組織使用此 ID。',
    'profileImport.partnerUnknown': '第 {row} 列：沒有合作夥伴的 PartnerID 為 {partnerId}。',
    'profileImport.booleanInvalid': '第 {row} 列，「{column}」欄：請填寫 yes 或 no。',
    'profileImport.isvConnectInvalid':
      '第 {row} 列，「{column}」欄：請填寫 none、standard 或 premium。',
    'profileImport.duplicate': '第 {row} 列：同一個合作夥伴已出現在第 {firstRow} 列。',
  },
  'sv-SE': {
    'requirement.offer.eligibleType.met': 'Erbjudandetypen kan samsäljas.',
    'requirement.offer.eligibleType.unmet':
      'Appar och tillägg för Office kan aldrig samsäljas. Publicera lösningen som en annan erbjudandetyp.',
    'requirement.offer.live.met': 'Erbjudandet är publicerat på marknadsplatsen.',
    'requirement.offer.live.unmet':
      'Erbjudandet är inte publicerat än. Publicera det och välj ”Gå live” när förhandsversionen är klar.',
    'requirement.profile.partnerId.met': 'Organisationen har ett PartnerID.',
    'requirement.profile.partnerId.unmet': 'Ange organisationens PartnerID i programprofilen.',
    'requirement.profile.marketplaceAccount.met':
      'Kontot för den kommersiella marknadsplatsen är aktivt.',
    'requirement.profile.marketplaceAccount.unmet':
      'Organisationen behöver ett aktivt konto för den kommersiella marknadsplatsen.',
    'requirement.profile.businessProfile.met': 'Företagsprofilen är komplett.',
    'requirement.profile.businessProfile.unmet': 'Fyll i organisationens företagsprofil helt.',
    'requirement.tab.listingComplete.met': 'Listningen för samförsäljning är komplett.',
    'requirement.tab.listingComplete.unmet':
      'Fyll i listningen: plattformar, segment, lösningstyp och lösningsområden med delområden.',
    'requirement.documents.cosellReady.met':
      'De dokument som krävs för samförsäljning är uppladdade.',
    'requirement.documents.cosellReady.unmet': 'Ladda upp de dokument som saknas: {missing}.',
    'requirement.tab.partnerSalesContacts.met':
      'Varje marknad har en kontakt med rollen Partner sales.',
    'requirement.tab.partnerSalesContacts.unmet':
      'Lägg till en kontakt med rollen Partnerförsäljning för de här marknaderna: {missing}.',
    'requirement.review.approved.met':
      'En granskare från Microsoft har godkänt materialet för samförsäljning.',
    'requirement.review.approved.unmet':
      'Materialet för samförsäljning är inte godkänt än. Publicera det för granskning.',
    'requirement.partner.goldCompetency.met': 'Organisationen har en aktiv guldkompetens.',
    'requirement.partner.goldCompetency.unmet':
      'Tjänsteerbjudanden kräver en aktiv guldkompetens (anges av programmet).',
    'requirement.partner.solutionsPartner.met':
      'Organisationen har en Solutions Partner-beteckning.',
    'requirement.partner.solutionsPartner.unmet':
      'Konsulttjänster kräver en Solutions Partner-beteckning (anges av programmet).',
    'requirement.partner.isvConnect.met': 'Organisationen är registrerad i ISV Connect.',
    'requirement.partner.isvConnect.unmet':
      'Erbjudanden för Business Applications kräver registrering i ISV Connect (anges av programmet).',
    'requirement.partner.isvConnectPremium.met': 'Registreringen i ISV Connect är på premiumnivå.',
    'requirement.partner.isvConnectPremium.unmet':
      'Den här statusen kräver premiumnivån i ISV Connect.',
    'requirement.revenue.threshold.met':
      'Intäkterna under de senaste 12 månaderna når {threshold} USD och är verifierade.',
    'requirement.revenue.threshold.unmet':
      'Kräver {threshold} USD i Azure-förbrukningsintäkter under 12 månader (nu {acr} USD), eller i fakturerade intäkter via marknadsplatsen för ett transaktionsbart erbjudande (nu {billed} USD), verifierat av en granskare.',
    'requirement.technical.validation.met': 'Den tekniska valideringen är godkänd.',
    'requirement.technical.validation.unmet':
      'En granskare måste bekräfta att erbjudandets IP huvudsakligen körs på Azure (teknisk validering).',
    'requirement.documents.azureIp.met': 'Referensarkitekturdiagrammet är uppladdat.',
    'requirement.documents.azureIp.unmet': 'Ladda upp de dokument som saknas: {missing}.',
    'requirement.tab.solutionTypeIp.met': 'Lösningstypen är IP.',
    'requirement.tab.solutionTypeIp.unmet': 'Listningens lösningstyp måste vara IP.',
    'requirement.offer.transactable.met':
      'Erbjudandet är transaktionsbart, eller behöver inte vara det.',
    'requirement.offer.transactable.unmet':
      'Erbjudanden som skapats från och med {from} måste vara transaktionsbara på marknadsplatsen.',
    'benefit.visibleToSellers.met': 'Microsofts säljare hittar erbjudandet och kan samsälja det.',
    'benefit.visibleToSellers.needsStatus':
      'Inte synligt för Microsofts säljare: erbjudandet behöver statusen {status}.',
    'benefit.visibleToSellers.notLive':
      'Inte synligt för Microsofts säljare: erbjudandet är inte publicerat.',
    'benefit.visibleToSellers.notForType':
      'Inte synligt för Microsofts säljare: erbjudanden av den här typen kan inte samsäljas.',
    'benefit.preferredSolutionBadge.granted':
      'Märket Microsoft Preferred Solution visas på erbjudandet.',
    'benefit.preferredSolutionBadge.due':
      'Erbjudandet kvalificerar sig för märket Microsoft Preferred Solution; det visas {date}.',
    'benefit.preferredSolutionBadge.pending':
      'Erbjudandet kvalificerar sig för märket Microsoft Preferred Solution; det visas {days} dagar efter att statusen har uppnåtts.',
    'benefit.preferredSolutionBadge.needsStatus':
      'Inget märke Microsoft Preferred Solution: erbjudandet behöver statusen {status}.',
    'benefit.preferredSolutionBadge.notForType':
      'Inget märke Microsoft Preferred Solution: erbjudanden av den här typen kan inte få det enligt den här policyn.',
    'benefit.azureBenefitEligible.met':
      'Berättigat till Azure-förmån: köp räknas in i kundens Azure-förbrukningsåtagande.',
    'benefit.azureBenefitEligible.needsStatus':
      'Inte berättigat till Azure-förmån: erbjudandet behöver statusen {status}.',
    'benefit.azureBenefitEligible.notLive':
      'Inte berättigat till Azure-förmån: erbjudandet är inte publicerat.',
    'benefit.azureBenefitEligible.notTransactable':
      'Inte berättigat till Azure-förmån: erbjudandet är inte transaktionsbart på marknadsplatsen.',
    'benefit.azureBenefitEligible.free':
      'Inte berättigat till Azure-förmån: erbjudandet är gratis; bara planer med ett pris över noll räknas.',
    'benefit.azureBenefitEligible.notForType':
      'Inte berättigat till Azure-förmån: erbjudanden av den här typen är det aldrig enligt den här policyn.',
    'benefit.cspIncentive.met':
      'CSP-partner får ett incitament på {percent} för att återförsälja erbjudandet.',
    'benefit.cspIncentive.needsStatus':
      'Inget partnerincitament för CSP: erbjudandet behöver statusen {status} (då {percent}).',
    'benefit.cspIncentive.none': 'Den här policyn har inget partnerincitament för CSP.',
    'benefit.cspIncentive.notForType':
      'Inget partnerincitament för CSP: erbjudanden av den här typen kan inte få det enligt den här policyn.',
    'benefit.marketplaceFee.reduced':
      'Avgiften för marknadsplatsen är sänkt till {percent} (i stället för {standard}).',
    'benefit.marketplaceFee.needsStatus':
      'Avgiften för marknadsplatsen är {percent}; med statusen {status} skulle den vara {reduced}.',
    'benefit.marketplaceFee.flat':
      'Avgiften för marknadsplatsen är {percent} för alla erbjudanden enligt den här policyn.',
    'benefit.marketplaceFee.notForType':
      'Avgiften för marknadsplatsen är {percent}; den sänkta avgiften på {reduced} gäller bara IaaS- och SaaS-erbjudanden.',
    'policyPreview.statusUnavailable':
      'Statusen {status} finns inte för den här erbjudandetypen enligt den nya policyn.',
    'policyPreview.statusNew':
      'Statusen {status} fanns inte för den här erbjudandetypen enligt den aktiva policyn.',

    'notification.review.passed.subject':
      '”{offerName}” har godkänts i granskningen för samförsäljning',
    'notification.review.passed.text':
      'En granskare från Microsoft har godkänt materialet för samförsäljning för ”{offerName}”. Publiceringen fortsätter.',
    'notification.review.passedPreview.subject':
      '”{offerName}” är godkänt: förhandsversionen är klar',
    'notification.review.passedPreview.text':
      'En granskare från Microsoft har godkänt materialet för samförsäljning för ”{offerName}”. Förhandsversionen är klar: kontrollera den och välj sedan Publicera live för att publicera erbjudandet på marknadsplatsen. Inget mer händer förrän du gör det.',
    'notification.review.failed.subject': '”{offerName}” behöver åtgärdas',
    'notification.review.failed.text':
      'Ansökan om samförsäljning för ”{offerName}” godkändes inte. Läs rapporten, rätta erbjudandet och publicera det igen.',
    'notification.status.changed.subject': '”{offerName}” har nu status {toName}',
    'notification.status.changed.text':
      'Samförsäljningsstatusen för ”{offerName}” har ändrats från {fromName} till {toName}.',
    'notification.badge.granted.subject':
      '”{offerName}” har fått märket Microsoft Preferred Solution',
    'notification.badge.granted.text':
      'Märket Microsoft Preferred Solution visas nu för ”{offerName}” på marknadsplatsen.',

    'publishing.archived': 'Återställ erbjudandet innan du publicerar det.',
    'publishing.inProgress':
      'Erbjudandet håller redan på att publiceras. Vänta tills det är klart, eller avbryt publiceringen först.',
    'publishing.noChanges':
      'Ingenting har ändrats sedan den publicerade versionen: det finns inget att publicera.',
    'publishing.staleDraft':
      'Utkastet har ändrats sedan du jämförde det (det är nu version {draftVersion}). Jämför igen och publicera sedan.',
    'publishing.changed.fields': 'Erbjudandets uppgifter har ändrats.',
    'publishing.changed.listing': 'Co-sell-listningen har ändrats.',
    'publishing.changed.documents': 'Co-sell-dokumenten har ändrats.',
    'publishing.changed.contacts': 'Kontakterna har ändrats.',
    'publishing.sections': 'Välj de här avsnitten för publicering: {required}.',
    'publishing.invalid':
      'En del samförsäljningsuppgifter tillåts inte av programmets policy. Åtgärda punkterna i listan och publicera sedan.',
    'publishing.cannotCancel': 'Den här ansökan kan inte längre avbrytas.',
    'publishing.notInPreview':
      'Erbjudandet finns inte som förhandsversion: det finns inget att gå live med.',
    'reviewing.reportRequired':
      'Skriv en rapport som talar om för utgivaren vad som behöver åtgärdas.',
    'reviewing.notInReview': 'Den här ansökan väntar inte längre på granskning.',

    'programProfile.amountInvalid': 'Ange ett belopp i USD som är 0 eller mer.',
    'programProfile.partnerIdInvalid': 'Ett PartnerID består av 5 till 10 siffror.',
    'programProfile.programOnly': 'Bara programmet kan ange det här fältet.',
    'system.clockFixed': 'Att flytta klockan är avstängt på den här servern (CLOCK_CONTROL).',
    'profileImport.refused': 'Rätta raderna i listan och importera filen igen.',
    'profileImport.empty': 'Filen har ingen rubrikrad.',
    'profileImport.keyMissing':
      'Rubrikraden måste ha kolumnen ”Organisation ID” eller ”PartnerID” som anger varje partner.',
    'profileImport.keyMissingRow': 'Rad {row}: ange ett Organisation ID eller ett PartnerID.',
    'profileImport.malformed': 'Rad {row}: ett citattecken avslutas inte eller står på fel ställe.',
    'profileImport.organisationInvalid': 'Rad {row}: Organisation ID är inte giltigt.',
    'profileImport.organisationUnknown': 'Rad {row}: ingen partnerorganisation har detta ID.',
    'profileImport.partnerUnknown': 'Rad {row}: ingen partner har PartnerID {partnerId}.',
    'profileImport.booleanInvalid': 'Rad {row}, ”{column}”: skriv yes eller no.',
    'profileImport.isvConnectInvalid': 'Rad {row}, ”{column}”: skriv none, standard eller premium.',
    'profileImport.duplicate': 'Rad {row}: samma partner finns redan på rad {firstRow}.',
  },
  'pl-PL': {
    'requirement.offer.eligibleType.met': 'Typ oferty pozwala na współsprzedaż.',
    'requirement.offer.eligibleType.unmet':
      'Aplikacje i dodatki do pakietu Office nigdy nie kwalifikują się do wspólnej sprzedaży. Opublikuj rozwiązanie jako ofertę innego typu.',
    'requirement.offer.live.met': 'Oferta jest opublikowana w witrynie Marketplace.',
    'requirement.offer.live.unmet':
      'Oferta nie jest jeszcze opublikowana. Opublikuj ją i wybierz „Udostępnij publicznie”, gdy wersja zapoznawcza będzie gotowa.',
    'requirement.profile.partnerId.met': 'Organizacja ma identyfikator PartnerID.',
    'requirement.profile.partnerId.unmet':
      'Wpisz identyfikator PartnerID organizacji w profilu programu.',
    'requirement.profile.marketplaceAccount.met':
      'Konto w komercyjnej witrynie Marketplace jest aktywne.',
    'requirement.profile.marketplaceAccount.unmet':
      'Organizacja potrzebuje aktywnego konta w komercyjnej witrynie Marketplace.',
    'requirement.profile.businessProfile.met': 'Profil firmy jest kompletny.',
    'requirement.profile.businessProfile.unmet': 'Uzupełnij profil firmy organizacji.',
    'requirement.tab.listingComplete.met': 'Wizytówka do wspólnej sprzedaży jest kompletna.',
    'requirement.tab.listingComplete.unmet':
      'Uzupełnij wizytówkę: platformy, segmenty, typ rozwiązania oraz obszary rozwiązań z podobszarami.',
    'requirement.documents.cosellReady.met': 'Przesłano wymagane dokumenty do wspólnej sprzedaży.',
    'requirement.documents.cosellReady.unmet': 'Prześlij brakujące dokumenty: {missing}.',
    'requirement.tab.partnerSalesContacts.met': 'Każdy rynek ma kontakt w roli Partner sales.',
    'requirement.tab.partnerSalesContacts.unmet':
      'Dodaj kontakt w roli Sprzedaż partnera dla tych rynków: {missing}.',
    'requirement.review.approved.met':
      'Recenzent Microsoft zatwierdził materiały do wspólnej sprzedaży.',
    'requirement.review.approved.unmet':
      'Materiały do wspólnej sprzedaży nie zostały jeszcze zatwierdzone. Opublikuj je do przeglądu.',
    'requirement.partner.goldCompetency.met':
      'Organizacja ma aktywną kompetencję na poziomie Gold.',
    'requirement.partner.goldCompetency.unmet':
      'Oferty usług wymagają aktywnej kompetencji na poziomie Gold (ustawia ją program).',
    'requirement.partner.solutionsPartner.met': 'Organizacja ma oznaczenie Solutions Partner.',
    'requirement.partner.solutionsPartner.unmet':
      'Usługi doradcze wymagają oznaczenia Solutions Partner (ustawia je program).',
    'requirement.partner.isvConnect.met': 'Organizacja jest zarejestrowana w ISV Connect.',
    'requirement.partner.isvConnect.unmet':
      'Oferty Business Applications wymagają rejestracji w ISV Connect (ustawia ją program).',
    'requirement.partner.isvConnectPremium.met':
      'Rejestracja w ISV Connect jest na poziomie premium.',
    'requirement.partner.isvConnectPremium.unmet':
      'Ten status wymaga poziomu premium w ISV Connect.',
    'requirement.revenue.threshold.met':
      'Przychód z ostatnich 12 miesięcy osiąga {threshold} USD i został zweryfikowany.',
    'requirement.revenue.threshold.unmet':
      'Wymagany jest przychód w wysokości {threshold} USD z użycia platformy Azure w ciągu 12 miesięcy (obecnie {acr} USD) lub taki sam przychód zafakturowany przez witrynę Marketplace dla oferty transakcyjnej (obecnie {billed} USD), zweryfikowany przez recenzenta.',
    'requirement.technical.validation.met': 'Weryfikacja techniczna zakończyła się powodzeniem.',
    'requirement.technical.validation.unmet':
      'Recenzent musi potwierdzić, że IP oferty działa głównie na platformie Azure (weryfikacja techniczna).',
    'requirement.documents.azureIp.met': 'Przesłano diagram architektury referencyjnej.',
    'requirement.documents.azureIp.unmet': 'Prześlij brakujące dokumenty: {missing}.',
    'requirement.tab.solutionTypeIp.met': 'Typ rozwiązania to IP.',
    'requirement.tab.solutionTypeIp.unmet': 'Typem rozwiązania w wizytówce musi być IP.',
    'requirement.offer.transactable.met': 'Oferta jest transakcyjna albo nie musi taka być.',
    'requirement.offer.transactable.unmet':
      'Oferty utworzone od {from} muszą być transakcyjne w witrynie Marketplace.',
    'benefit.visibleToSellers.met':
      'Sprzedawcy Microsoft widzą ofertę i mogą sprzedawać ją wspólnie.',
    'benefit.visibleToSellers.needsStatus':
      'Niewidoczna dla sprzedawców Microsoft: oferta potrzebuje statusu {status}.',
    'benefit.visibleToSellers.notLive':
      'Niewidoczna dla sprzedawców Microsoft: oferta nie jest opublikowana.',
    'benefit.visibleToSellers.notForType':
      'Niewidoczna dla sprzedawców Microsoft: ofert tego typu nie można sprzedawać wspólnie.',
    'benefit.preferredSolutionBadge.granted': 'Oferta ma odznakę Microsoft Preferred Solution.',
    'benefit.preferredSolutionBadge.due':
      'Oferta kwalifikuje się do odznaki Microsoft Preferred Solution; pojawi się ona {date}.',
    'benefit.preferredSolutionBadge.pending':
      'Oferta kwalifikuje się do odznaki Microsoft Preferred Solution; pojawi się ona {days} dni po osiągnięciu statusu.',
    'benefit.preferredSolutionBadge.needsStatus':
      'Brak odznaki Microsoft Preferred Solution: oferta potrzebuje statusu {status}.',
    'benefit.preferredSolutionBadge.notForType':
      'Brak odznaki Microsoft Preferred Solution: oferty tego typu nie mogą jej uzyskać w ramach tych zasad.',
    'benefit.azureBenefitEligible.met':
      'Kwalifikuje się do korzyści Azure: zakupy wliczają się do zobowiązania klienta dotyczącego zużycia Azure.',
    'benefit.azureBenefitEligible.needsStatus':
      'Nie kwalifikuje się do korzyści Azure: oferta potrzebuje statusu {status}.',
    'benefit.azureBenefitEligible.notLive':
      'Nie kwalifikuje się do korzyści Azure: oferta nie jest opublikowana.',
    'benefit.azureBenefitEligible.notTransactable':
      'Nie kwalifikuje się do korzyści Azure: oferta nie jest transakcyjna w witrynie Marketplace.',
    'benefit.azureBenefitEligible.free':
      'Nie kwalifikuje się do korzyści Azure: oferta jest bezpłatna; liczą się tylko plany z ceną powyżej zera.',
    'benefit.azureBenefitEligible.notForType':
      'Nie kwalifikuje się do korzyści Azure: oferty tego typu nigdy się nie kwalifikują w ramach tych zasad.',
    'benefit.cspIncentive.met':
      'Partnerzy CSP otrzymują zachętę w wysokości {percent} za odsprzedaż oferty.',
    'benefit.cspIncentive.needsStatus':
      'Brak zachęty dla partnerów CSP: oferta potrzebuje statusu {status} (wtedy {percent}).',
    'benefit.cspIncentive.none': 'Te zasady nie przewidują zachęty dla partnerów CSP.',
    'benefit.cspIncentive.notForType':
      'Brak zachęty dla partnerów CSP: oferty tego typu nie mogą jej uzyskać w ramach tych zasad.',
    'benefit.marketplaceFee.reduced':
      'Opłata za Marketplace jest obniżona do {percent} (zamiast {standard}).',
    'benefit.marketplaceFee.needsStatus':
      'Opłata za Marketplace wynosi {percent}; ze statusem {status} wynosiłaby {reduced}.',
    'benefit.marketplaceFee.flat':
      'Opłata za Marketplace wynosi {percent} dla wszystkich ofert w ramach tych zasad.',
    'benefit.marketplaceFee.notForType':
      'Opłata za Marketplace wynosi {percent}; obniżona opłata w wysokości {reduced} dotyczy tylko ofert IaaS i SaaS.',
    'policyPreview.statusUnavailable':
      'Status {status} nie istnieje dla tego typu oferty w nowych zasadach.',
    'policyPreview.statusNew':
      'Status {status} nie istniał dla tego typu oferty w aktywnych zasadach.',

    'notification.review.passed.subject':
      'Oferta „{offerName}” przeszła przegląd wspólnej sprzedaży',
    'notification.review.passed.text':
      'Recenzent Microsoft zatwierdził materiały do wspólnej sprzedaży oferty „{offerName}”. Publikowanie jest kontynuowane.',
    'notification.review.passedPreview.subject':
      'Oferta „{offerName}” została zatwierdzona: podgląd jest gotowy',
    'notification.review.passedPreview.text':
      'Recenzent Microsoft zatwierdził materiały do wspólnej sprzedaży oferty „{offerName}”. Podgląd jest gotowy: sprawdź go, a następnie wybierz Opublikuj na żywo, aby opublikować ofertę w witrynie Marketplace. Dopóki tego nie zrobisz, nic więcej się nie wydarzy.',
    'notification.review.failed.subject': 'Oferta „{offerName}” wymaga uwagi',
    'notification.review.failed.text':
      'Zgłoszenie oferty „{offerName}” do wspólnej sprzedaży nie zostało zaakceptowane. Przeczytaj raport, popraw ofertę i opublikuj ją ponownie.',
    'notification.status.changed.subject': 'Oferta „{offerName}” ma teraz status {toName}',
    'notification.status.changed.text':
      'Status wspólnej sprzedaży oferty „{offerName}” zmienił się z {fromName} na {toName}.',
    'notification.badge.granted.subject':
      'Oferta „{offerName}” otrzymała odznakę Microsoft Preferred Solution',
    'notification.badge.granted.text':
      'Odznaka Microsoft Preferred Solution jest teraz wyświetlana przy ofercie „{offerName}” w witrynie Marketplace.',

    'publishing.archived': 'Przywróć ofertę przed jej opublikowaniem.',
    'publishing.inProgress':
      'Ta oferta jest już publikowana. Poczekaj na zakończenie albo najpierw anuluj publikowanie.',
    'publishing.noChanges':
      'Od opublikowanej wersji nic się nie zmieniło: nie ma czego publikować.',
    'publishing.staleDraft':
      'Wersja robocza zmieniła się po porównaniu (teraz to wersja {draftVersion}). Porównaj ponownie, a potem opublikuj.',
    'publishing.changed.fields': 'Zmieniły się dane oferty.',
    'publishing.changed.listing': 'Zmienił się wpis co-sell.',
    'publishing.changed.documents': 'Zmieniły się dokumenty co-sell.',
    'publishing.changed.contacts': 'Zmieniły się kontakty.',
    'publishing.sections': 'Wybierz te sekcje do opublikowania: {required}.',
    'publishing.invalid':
      'Część danych wspólnej sprzedaży jest niedozwolona przez zasady programu. Popraw wymienione elementy, a następnie opublikuj ofertę.',
    'publishing.cannotCancel': 'Tego zgłoszenia nie można już anulować.',
    'publishing.notInPreview':
      'Oferta nie jest w wersji zapoznawczej: nie ma czego udostępniać publicznie.',
    'reviewing.reportRequired': 'Napisz raport, z którego wydawca dowie się, co należy poprawić.',
    'reviewing.notInReview': 'To zgłoszenie nie oczekuje już na przegląd.',

    'programProfile.amountInvalid': 'Podaj kwotę w USD równą 0 lub większą.',
    'programProfile.partnerIdInvalid': 'PartnerID składa się z 5–10 cyfr.',
    'programProfile.programOnly': 'Tylko program może ustawić to pole.',
    'system.clockFixed': 'Przestawianie zegara jest wyłączone na tym serwerze (CLOCK_CONTROL).',
    'profileImport.refused': 'Popraw wymienione wiersze i zaimportuj plik ponownie.',
    'profileImport.empty': 'Plik nie ma wiersza nagłówka.',
    'profileImport.keyMissing':
      'Nagłówek musi zawierać kolumnę „Organisation ID” lub „PartnerID”, która wskazuje każdego partnera.',
    'profileImport.keyMissingRow': 'Wiersz {row}: podaj Organisation ID lub PartnerID.',
    'profileImport.malformed':
      'Wiersz {row}: cudzysłów nie został zamknięty lub jest w złym miejscu.',
    'profileImport.organisationInvalid': 'Wiersz {row}: Organisation ID jest nieprawidłowy.',
    'profileImport.organisationUnknown':
      'Wiersz {row}: żadna organizacja partnerska nie ma tego identyfikatora.',
    'profileImport.partnerUnknown':
      'Wiersz {row}: żaden partner nie ma identyfikatora PartnerID {partnerId}.',
    'profileImport.booleanInvalid': 'Wiersz {row}, kolumna „{column}”: wpisz yes lub no.',
    'profileImport.isvConnectInvalid':
      'Wiersz {row}, kolumna „{column}”: wpisz none, standard lub premium.',
    'profileImport.duplicate': 'Wiersz {row}: ten sam partner występuje już w wierszu {firstRow}.',
  },
};
